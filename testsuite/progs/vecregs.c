/*
 * vecregs.c - known values in the vector registers, for the register
 * tests.
 *
 * One asm block loads vec_in[i] into ymm<i> (xmm<i> without AVX) and
 * two values onto the x87 stack, stops at the label vec_loaded (a place
 * for a breakpoint: the registers hold the pattern there), stores the
 * registers into vec_out at vec_stored, and pops the x87 stack.  Word j
 * of register i is 0x10000 * (i + 1) + j, so $ymm3.v8_int32 is {262144,
 * ..., 262151}.  With protection keys PKRU is read before (pkru_in) and
 * after (pkru_out) the block.  Then vec_done() is called and main
 * returns 0.  What a debugger wrote into the registers at vec_loaded
 * shows in vec_out and pkru_out.
 */
#include <cpuid.h>

unsigned int vec_in[16][8] __attribute__((aligned(32)));
unsigned int vec_out[16][8] __attribute__((aligned(32)));
unsigned int pkru_in, pkru_out;
int has_avx, has_pkeys;

/* CPUID.7.0:ECX.OSPKE: the kernel turned protection keys on */
static int cpu_has_ospke(void)
{
	unsigned int a, b, c, d;

	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return 0;
	return (c >> 4) & 1;
}

static unsigned int rdpkru(void)
{
	unsigned int eax, edx;

	/* rdpkru, spelled out for assemblers without it */
	asm volatile(".byte 0x0f, 0x01, 0xee"
		     : "=a" (eax), "=d" (edx) : "c" (0));
	return eax;
}

void vec_done(void)
{
}

int main(void)
{
	int i, j;

	for (i = 0; i < 16; i++)
		for (j = 0; j < 8; j++)
			vec_in[i][j] = 0x10000u * (i + 1) + j;
	has_avx = !!__builtin_cpu_supports("avx");
	has_pkeys = cpu_has_ospke();
	if (has_pkeys)
		pkru_in = rdpkru();
	asm volatile(
		"fldpi\n\t"
		"fld1\n\t"
		"test %2, %2\n\t"
		"jz 1f\n\t"
		"vmovdqa 0(%0), %%ymm0\n\t"
		"vmovdqa 32(%0), %%ymm1\n\t"
		"vmovdqa 64(%0), %%ymm2\n\t"
		"vmovdqa 96(%0), %%ymm3\n\t"
		"vmovdqa 128(%0), %%ymm4\n\t"
		"vmovdqa 160(%0), %%ymm5\n\t"
		"vmovdqa 192(%0), %%ymm6\n\t"
		"vmovdqa 224(%0), %%ymm7\n\t"
		"vmovdqa 256(%0), %%ymm8\n\t"
		"vmovdqa 288(%0), %%ymm9\n\t"
		"vmovdqa 320(%0), %%ymm10\n\t"
		"vmovdqa 352(%0), %%ymm11\n\t"
		"vmovdqa 384(%0), %%ymm12\n\t"
		"vmovdqa 416(%0), %%ymm13\n\t"
		"vmovdqa 448(%0), %%ymm14\n\t"
		"vmovdqa 480(%0), %%ymm15\n\t"
		"jmp 2f\n"
		"1:\n\t"
		"movdqa 0(%0), %%xmm0\n\t"
		"movdqa 32(%0), %%xmm1\n\t"
		"movdqa 64(%0), %%xmm2\n\t"
		"movdqa 96(%0), %%xmm3\n\t"
		"movdqa 128(%0), %%xmm4\n\t"
		"movdqa 160(%0), %%xmm5\n\t"
		"movdqa 192(%0), %%xmm6\n\t"
		"movdqa 224(%0), %%xmm7\n\t"
		"movdqa 256(%0), %%xmm8\n\t"
		"movdqa 288(%0), %%xmm9\n\t"
		"movdqa 320(%0), %%xmm10\n\t"
		"movdqa 352(%0), %%xmm11\n\t"
		"movdqa 384(%0), %%xmm12\n\t"
		"movdqa 416(%0), %%xmm13\n\t"
		"movdqa 448(%0), %%xmm14\n\t"
		"movdqa 480(%0), %%xmm15\n"
		"2:\n"
		".globl vec_loaded\n"
		"vec_loaded:\n\t"
		"nop\n\t"
		"test %2, %2\n\t"
		"jz 3f\n\t"
		"vmovdqa %%ymm0, 0(%1)\n\t"
		"vmovdqa %%ymm1, 32(%1)\n\t"
		"vmovdqa %%ymm2, 64(%1)\n\t"
		"vmovdqa %%ymm3, 96(%1)\n\t"
		"vmovdqa %%ymm4, 128(%1)\n\t"
		"vmovdqa %%ymm5, 160(%1)\n\t"
		"vmovdqa %%ymm6, 192(%1)\n\t"
		"vmovdqa %%ymm7, 224(%1)\n\t"
		"vmovdqa %%ymm8, 256(%1)\n\t"
		"vmovdqa %%ymm9, 288(%1)\n\t"
		"vmovdqa %%ymm10, 320(%1)\n\t"
		"vmovdqa %%ymm11, 352(%1)\n\t"
		"vmovdqa %%ymm12, 384(%1)\n\t"
		"vmovdqa %%ymm13, 416(%1)\n\t"
		"vmovdqa %%ymm14, 448(%1)\n\t"
		"vmovdqa %%ymm15, 480(%1)\n\t"
		"vzeroupper\n\t"
		"jmp 4f\n"
		"3:\n\t"
		"movdqa %%xmm0, 0(%1)\n\t"
		"movdqa %%xmm1, 32(%1)\n\t"
		"movdqa %%xmm2, 64(%1)\n\t"
		"movdqa %%xmm3, 96(%1)\n\t"
		"movdqa %%xmm4, 128(%1)\n\t"
		"movdqa %%xmm5, 160(%1)\n\t"
		"movdqa %%xmm6, 192(%1)\n\t"
		"movdqa %%xmm7, 224(%1)\n\t"
		"movdqa %%xmm8, 256(%1)\n\t"
		"movdqa %%xmm9, 288(%1)\n\t"
		"movdqa %%xmm10, 320(%1)\n\t"
		"movdqa %%xmm11, 352(%1)\n\t"
		"movdqa %%xmm12, 384(%1)\n\t"
		"movdqa %%xmm13, 416(%1)\n\t"
		"movdqa %%xmm14, 448(%1)\n\t"
		"movdqa %%xmm15, 480(%1)\n"
		"4:\n"
		".globl vec_stored\n"
		"vec_stored:\n\t"
		"fstp %%st(0)\n\t"
		"fstp %%st(0)\n\t"
		:
		: "r" (vec_in), "r" (vec_out), "r" (has_avx)
		: "memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
		  "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
		  "xmm12", "xmm13", "xmm14", "xmm15");
	if (has_pkeys)
		pkru_out = rdpkru();
	vec_done();
	return 0;
}
