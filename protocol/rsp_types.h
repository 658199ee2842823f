/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rsp_types.h - the only types protocol/ uses.  In the kernel they come
 * from <linux/types.h>; in user space from the compiler's freestanding
 * headers.  Nothing else from either side may be included by protocol/.
 */
#ifndef UGDB_RSP_TYPES_H
#define UGDB_RSP_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stddef.h>
#include <stdint.h>
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int64_t s64;
#endif

#endif /* UGDB_RSP_TYPES_H */
