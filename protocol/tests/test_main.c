// SPDX-License-Identifier: GPL-2.0
/*
 * test_main.c - runs every unit test group; "--dump-xml [FEATURES]"
 * prints target.xml instead (FEATURES: RSP_AMD64_HAS() bits in hex), "--dump-threads-xml" a qXfer:threads document with
 * hostile thread names (both for xmllint in make check).
 */
#include "test.h"

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--dump-xml")) {
		dump_target_xml(argc > 2 ? argv[2] : NULL);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "--dump-threads-xml")) {
		dump_threads_xml();
		return 0;
	}
	test_hex();
	test_signals();
	test_frame();
	test_packets();
	test_qxfer();
	test_vfile();
	test_exec();
	test_amd64();
	test_rle();
	test_pass_signals();
	test_memscan();
	test_events();
	test_run();
	test_watch();
	test_threadev();
	test_osdata();
	test_tls();
	printf("%d passed, %d failed\n", t_passed, t_failed);
	return t_failed ? 1 : 0;
}
