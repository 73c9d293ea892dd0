/* Hardware random numbers (FEAT_RNG's RNDR), for keys made inside a TEE. */
#ifndef ARCH_AARCH64_RANDOM_H
#define ARCH_AARCH64_RANDOM_H

#include "lib/types.h"

/* One 64-bit random number; false if the generator had none to give. */
static inline bool arch_random_u64(u64 *v)
{
	u64 ok;

	/* RNDR sets NZCV to 0000 on success, 0100 on failure */
	__asm__ volatile("mrs %0, s3_3_c2_c4_0\n\tcset %1, ne"
			 : "=r"(*v), "=r"(ok)::"cc");
	return ok;
}

#endif
