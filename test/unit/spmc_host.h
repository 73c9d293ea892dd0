/* Host stand-ins for what the SPMC's FF-A handlers use of the hardware. */
#ifndef TEST_UNIT_SPMC_HOST_H
#define TEST_UNIT_SPMC_HOST_H

#include "spmc/spmc.h"

#define HOST_NS_RAM_SIZE (64 * 4096)
#define HOST_SP_RAM_SIZE (1024 * 4096)

extern u8 host_ns_ram[HOST_NS_RAM_SIZE];
extern u8 host_sp_ram[HOST_SP_RAM_SIZE];
extern unsigned sp_run_calls;
extern struct partition *sp_run_last;

void host_spmc_reset(void);
/* Resets, then creates alpha and beta from the built manifests, waiting. */
int host_spmc_boot(void);
/* What host_spmc_boot builds from, for tests that build their own */
struct bootinfo;
extern struct bootinfo host_bi;
u8 *host_load_manifest(const char *name, u32 *size);
void host_add_image(const char *name, u32 type, u64 addr, u32 size);

#endif
