// SPDX-License-Identifier: GPL-2.0
/* test_memscan.c - qCRC, qSearch:memory and "monitor help". */
#include <string.h>
#include "test.h"
#include "../rsp_int.h"

/*
 * A second, table-driven CRC (MSB first, polynomial 0x04c11db7, as
 * libiberty's xcrc32), to check the server's bitwise one against.
 */
static unsigned int ref_crc(unsigned int crc, const u8 *p, unsigned long n)
{
	static unsigned int table[256];
	unsigned int i, j, c;

	if (!table[1])
		for (i = 0; i < 256; i++) {
			for (c = i << 24, j = 0; j < 8; j++)
				c = c & 0x80000000u ? (c << 1) ^ 0x04c11db7u :
						      c << 1;
			table[i] = c;
		}
	while (n--)
		crc = (crc << 8) ^ table[((crc >> 24) ^ *p++) & 0xff];
	return crc;
}

static void fill(struct env *e)
{
	unsigned int i;

	for (i = 0; i < MOCK_MEM_SIZE; i++)
		e->m.mem[i] = (u8)(i * 7 + (i >> 8));
}

static void test_crc(void)
{
	struct env *e = env_new(0, NULL);
	char want[16], pkt[64];
	unsigned int crc;

	/* the CRC-32/MPEG-2 check value: gdb's CRC of "123456789" */
	memcpy(e->m.mem, "123456789", 9);
	CHECK_STR(xact(e, "qCRC:400000,9"), "C0376e6e7");
	/* across several read chunks */
	fill(e);
	crc = ref_crc(0xffffffffu, e->m.mem + 3, 0x9001);
	sprintf(want, "C%08x", crc);
	CHECK_STR(xact(e, "qCRC:400003,9001"), want);
	/* the whole mock memory, and nothing */
	crc = ref_crc(0xffffffffu, e->m.mem, MOCK_MEM_SIZE);
	sprintf(want, "C%08x", crc);
	sprintf(pkt, "qCRC:400000,%x", MOCK_MEM_SIZE);
	CHECK_STR(xact(e, pkt), want);
	CHECK_STR(xact(e, "qCRC:400000,0"), "Cffffffff");
	/* a range that runs out of mapped memory, or starts outside it */
	sprintf(pkt, "qCRC:400000,%x", MOCK_MEM_SIZE + 1);
	CHECK_STR(xact(e, pkt), "E01");
	CHECK_STR(xact(e, "qCRC:0,10"), "E01");
	CHECK_STR(xact(e, "qCRC:ffffffffffffffff,10"), "E01");
	/* malformed */
	CHECK_STR(xact(e, "qCRC:"), "E01");
	CHECK_STR(xact(e, "qCRC:400000"), "E01");
	CHECK_STR(xact(e, "qCRC:400000,"), "E01");
	CHECK_STR(xact(e, "qCRC:x,1"), "E01");
	CHECK_STR(xact(e, "qCRC:400000,1x"), "E01");
	CHECK_STR(xact(e, "qCRC:400000;1"), "E01");
	CHECK_STR(xact(e, "qCRC:11111111111111111,1"), "E01");
	env_free(e);
}

/* qSearch:memory for pattern p (n bytes, escaped here) in [addr, +len). */
static const char *search(struct env *e, u64 addr, u64 len, const u8 *p,
			  u32 n)
{
	static char pkt[512];
	u32 used, plen, hlen;
	u8 esc[256];

	plen = rsp_escape(p, n, esc, sizeof(esc), &used);
	hlen = (u32)sprintf(pkt, "qSearch:memory:%llx;%llx;",
			    (unsigned long long)addr,
			    (unsigned long long)len);
	memcpy(pkt + hlen, esc, plen);
	return xact_bin(e, pkt, hlen + plen, NULL);
}

static void test_search(void)
{
	struct env *e = env_new(0, NULL);
	static const u8 special[] = { '}', '#', '$', '*', 0 };
	u8 pat[8];
	u64 base = MOCK_MEM_BASE;

	memset(e->m.mem, 0xaa, MOCK_MEM_SIZE);
	memcpy(e->m.mem + 0x100, "needle", 6);
	CHECK_STR(search(e, base, MOCK_MEM_SIZE, (const u8 *)"needle", 6),
		  "1,400100");
	/* the first match, from where the search starts */
	memcpy(e->m.mem + 0x200, "needle", 6);
	CHECK_STR(search(e, base + 0x101, 0x1000, (const u8 *)"needle", 6),
		  "1,400200");
	/* a match cut by the range's end is no match */
	CHECK_STR(search(e, base + 0x101, 0x104, (const u8 *)"needle", 6),
		  "0");
	CHECK_STR(search(e, base + 0x101, 0x105, (const u8 *)"needle", 6),
		  "1,400200");
	/* across the boundary of two reads (the server reads 16 KiB) */
	memcpy(e->m.mem + 0x4000 - 3, "spanning", 8);
	CHECK_STR(search(e, base, MOCK_MEM_SIZE, (const u8 *)"spanning", 8),
		  "1,403ffd");
	/* bytes that travel escaped */
	memcpy(e->m.mem + 0x9000, special, sizeof(special));
	CHECK_STR(search(e, base, MOCK_MEM_SIZE, special, sizeof(special)),
		  "1,409000");
	/* absent */
	memset(pat, 0x55, sizeof(pat));
	CHECK_STR(search(e, base, MOCK_MEM_SIZE, pat, sizeof(pat)), "0");
	CHECK_STR(search(e, base, 0, pat, 1), "0");
	/* not found before memory ends: error; found before: found */
	CHECK_STR(search(e, base, MOCK_MEM_SIZE + 0x100, pat, 1), "E01");
	CHECK_STR(search(e, base, MOCK_MEM_SIZE + 0x100,
			 (const u8 *)"needle", 6), "1,400100");
	CHECK_STR(search(e, 0x1000, 0x10, pat, 1), "E01");
	/* malformed */
	CHECK_STR(xact(e, "qSearch:memory:400000;10"), "E01");
	CHECK_STR(xact(e, "qSearch:memory:400000;10;"), "E01");
	CHECK_STR(xact(e, "qSearch:memory:400000,10;ab"), "E01");
	CHECK_STR(xact(e, "qSearch:memory:zz;10;ab"), "E01");
	CHECK_STR(xact(e, "qSearch:memory:;;"), "E01");
	CHECK_STR(xact(e, "qSearch:memory:400000;10;}"), "E01");
	CHECK_STR(xact(e, "qSearch:mem:400000;10;ab"), "");
	env_free(e);
}

static void test_monitor_help(void)
{
	struct env *e = env_new(0, &mock_ops_min);
	char help[32] = "qRcmd,";

	hexify("help", 4, help + 6);
	env_send_str(e, help);
	env_drain(e);
	CHECK(e->npkts >= 2 && e->pkts[0][0] == 'O');
	CHECK_STR(last_reply(e), "OK");
	CHECK(!e->s->exited);
	env_free(e);
}

void test_memscan(void)
{
	test_crc();
	test_search();
	test_monitor_help();
}
