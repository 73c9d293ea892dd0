/* Host stand-ins for what the SPMC's FF-A handlers use of the hardware. */
#include <stdlib.h>
#include <string.h>

#include "spmc/spmc.h"
#include "spmc/stage1.h"
#include "test/unit/spmc_host.h"

struct pgt_pool spmc_pgt_pool;
u8 host_ns_ram[HOST_NS_RAM_SIZE] __attribute__((aligned(4096)));
u8 host_sp_ram[HOST_SP_RAM_SIZE] __attribute__((aligned(4096)));
unsigned sp_run_calls;
struct partition *sp_run_last;

/* Normal-world RAM and partition RAM are host buffers here. */
void *stage1_va(u64 pa)
{
	if (pa >= PLAT_NS_DRAM_BASE &&
	    pa - PLAT_NS_DRAM_BASE < HOST_NS_RAM_SIZE)
		return host_ns_ram + (pa - PLAT_NS_DRAM_BASE);
	if (pa >= PLAT_SP_RAM_BASE && pa - PLAT_SP_RAM_BASE < HOST_SP_RAM_SIZE)
		return host_sp_ram + (pa - PLAT_SP_RAM_BASE);
	abort(); /* the SPMC touched memory it had no business with */
}

/* Running a partition: it answers at once, as the test service would. */
void sp_run(struct partition *p, struct ffa_value *out)
{
	u16 caller = p->caller;

	sp_run_calls++;
	sp_run_last = p;
	p->state = SP_WAITING;
	p->serving = false;
	*out = ffa_value8(FFA_MSG_SEND_DIRECT_RESP_32,
			  (u64)p->m.id << 16 | caller, 0, 0, p->vcpu.x[3] + 1,
			  0, 0, 0);
}

void host_spmc_reset(void)
{
	static u8 pool[64 * 4096] __attribute__((aligned(4096)));

	memset(spmc_partitions, 0, sizeof(spmc_partitions));
	spmc_partition_count = 0;
	memset(&spmc_ns, 0, sizeof(spmc_ns));
	spmc_ns.version = FFA_VERSION_1_0;
	pgt_pool_init(&spmc_pgt_pool, pool, 0x0e200000, 64);
	sp_run_calls = 0;
	sp_run_last = NULL;
}
