/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for <linux/types.h> in the freestanding build check: the
 * protocol sources must compile with -nostdinc and nothing but this.
 */
#ifndef UGDB_TEST_LINUX_TYPES_H
#define UGDB_TEST_LINUX_TYPES_H
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef long long s64;
#endif
