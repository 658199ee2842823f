// SPDX-License-Identifier: GPL-2.0
/*
 * Trivial module for testsuite/vm/selftest: proves that a module built on the
 * host against /usr/src/linux-headers-KVER loads in the VM, and (warn=1) that
 * run-vm catches a kernel warning in dmesg.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/bug.h>

static bool warn;
module_param(warn, bool, 0444);
MODULE_PARM_DESC(warn, "emit a WARN_ON at load, to test dmesg checking");

static int __init hello_init(void)
{
	pr_info("ugdb_vm_hello: loaded\n");
	WARN_ON(warn);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("ugdb_vm_hello: unloaded\n");
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ugdb VM harness self-test module");
