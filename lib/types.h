/* Fixed-width and address types shared by every image and the host build. */
#ifndef LIB_TYPES_H
#define LIB_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;

/*
 * Physical and intermediate-physical addresses are kept apart by type so
 * that a stage-2 mapping cannot be fed the wrong kind of address silently.
 */
typedef struct {
	u64 pa;
} paddr_t;
typedef struct {
	u64 ipa;
} ipaddr_t;

static inline paddr_t pa_init(u64 v)
{
	return (paddr_t){ v };
}
static inline ipaddr_t ipa_init(u64 v)
{
	return (ipaddr_t){ v };
}

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ULL << PAGE_SHIFT)
#define ALIGN_DOWN(x, a) ((x) & ~((u64)(a)-1))
#define ALIGN_UP(x, a) ALIGN_DOWN((x) + (a)-1, (a))
#define IS_ALIGNED(x, a) (((x) & ((u64)(a)-1)) == 0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BIT(n) (1ULL << (n))

#endif
