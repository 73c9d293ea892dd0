/* System register access and the register bit values the images share. */
#ifndef ARCH_SYSREG_H
#define ARCH_SYSREG_H

#include "lib/types.h"

/* Names may be macros for S3_<op1>_C<n>_C<m>_<op2> encodings: expand first */
#define SYSREG_STR1(x) #x
#define SYSREG_STR(x) SYSREG_STR1(x)
#define read_sysreg(r)                                                  \
	({                                                              \
		u64 __v;                                                \
		__asm__ volatile("mrs %0, " SYSREG_STR(r) : "=r"(__v)); \
		__v;                                                    \
	})
#define write_sysreg(r, v) \
	__asm__ volatile("msr " SYSREG_STR(r) ", %0" ::"r"((u64)(v)) : "memory")
#define isb() __asm__ volatile("isb" ::: "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt ::: "memory")

/* SCR_EL3 */
#define SCR_NS BIT(0)
#define SCR_IRQ BIT(1)
#define SCR_FIQ BIT(2)
#define SCR_EA BIT(3)
#define SCR_RES1 (BIT(4) | BIT(5))
#define SCR_HCE BIT(8)
#define SCR_RW BIT(10)
#define SCR_APK BIT(16)
#define SCR_API BIT(17)
#define SCR_EEL2 BIT(18)

/* CPTR_EL3: SVE (EZ) and SME (ESM) not trapped; their EL3 controls */
#define CPTR_EL3_EZ BIT(8)
#define CPTR_EL3_ESM BIT(12)
#define ZCR_EL3 S3_6_C1_C2_0
#define SMCR_EL3 S3_6_C1_C2_6

/* SPSR: mode fields and masks */
#define SPSR_EL1H 0x5ULL
#define SPSR_EL2H 0x9ULL
#define SPSR_DAIF (0xfULL << 6)

/* HCR_EL2 */
#define HCR_VM BIT(0)
#define HCR_SWIO BIT(1)
#define HCR_FMO BIT(3)
#define HCR_IMO BIT(4)
#define HCR_AMO BIT(5)
#define HCR_TSC BIT(19)
#define HCR_TWI BIT(13)
#define HCR_TWE BIT(14)
#define HCR_RW BIT(31)
#define HCR_APK BIT(40)
#define HCR_API BIT(41)

/* ESR_ELx exception classes */
#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define EC_UNKNOWN 0x00
#define EC_FP 0x07
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYSREG 0x18
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define EC_PC_ALIGN 0x22
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25
#define EC_SP_ALIGN 0x26
#define EC_BRK 0x3c

/* SCTLR */
#define SCTLR_M BIT(0)
#define SCTLR_A BIT(1)
#define SCTLR_C BIT(2)
#define SCTLR_SA BIT(3)
#define SCTLR_I BIT(12)
#define SCTLR_WXN BIT(19)
#define SCTLR_EL2_RES1                                                       \
	(BIT(4) | BIT(5) | BIT(11) | BIT(16) | BIT(18) | BIT(22) | BIT(23) | \
	 BIT(28) | BIT(29))
#define SCTLR_EL1_RES1 (BIT(11) | BIT(20) | BIT(22) | BIT(28) | BIT(29))

#endif
