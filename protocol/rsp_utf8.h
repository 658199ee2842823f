/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rsp_utf8.h - which bytes may stand in an XML document.  Shared by the
 * engine's own documents (thread names) and the relay's (osdata tables):
 * gdb's expat rejects a whole document for one bad character.
 */
#ifndef UGDB_RSP_UTF8_H
#define UGDB_RSP_UTF8_H

#include "rsp_types.h"

/*
 * Length of the XML character encoded in UTF-8 at @p (@n > 0 bytes
 * left), or 0 if it is not one: bytes that are not UTF-8 (overlong
 * forms, a sequence cut short -- the kernel cuts comm at 15 bytes),
 * controls other than tab, newline and carriage return, surrogates,
 * U+FFFE, U+FFFF and code points past U+10FFFF.
 */
u32 rsp_xml_char_len(const u8 *p, u32 n);

#endif /* UGDB_RSP_UTF8_H */
