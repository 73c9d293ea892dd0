/* What the GP client (nwtest/teec.c) needs of its kernel, in a guest: calls,
 * memory shares. */
#include "arch/aarch64/ffa_smc.h"
#include "lib/ffa_mem_desc.h"
#include "lib/log.h"
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "guest/guest.h" /* after nwtest.h: its CHECK_EQ is ours */

const void *nw_dtb;
u16 guest_id;
u8 nw_tx[4096] __attribute__((aligned(4096)));
u8 nw_rx[4096] __attribute__((aligned(4096)));

struct ffa_value nw_call(u64 x0, u64 x1, u64 x2, u64 x3, u64 x4, u64 x5)
{
	struct ffa_value a = { { x0, x1, x2, x3, x4, x5 } };

	return ffa_smc(a);
}

/*
 * Shares, lends or donates (fid) pages of ours, a v1.1 descriptor in our
 * own name; the handle, or 0 with the FF-A error in *err.
 */
u64 guest_mem_send(u32 fid, u16 receiver, u64 addr, u32 npages, u64 *err)
{
	struct ffa_mem_desc d;
	struct ffa_value r;
	u32 len;

	memset(&d, 0, sizeof(d));
	d.sender = guest_id;
	d.attributes = FFA_MEM_NORMAL_WB_INNER;
	d.receiver_count = 1;
	d.receiver_ids[0] = receiver;
	d.receiver_perms[0] = FFA_DATA_ACCESS_RW;
	d.total_pages = npages;
	d.range_count = 1;
	d.ranges[0].base = pa_init(addr);
	d.ranges[0].pages = npages;
	len = ffa_mem_desc_write(nw_tx, sizeof(nw_tx), FFA_VERSION_1_1, &d);
	r = nw_call(fid, len, len, 0, 0, 0);
	*err = ffa_err(r);
	return r.x[0] == FFA_SUCCESS_32 ? (u32)r.x[2] | (u64)(u32)r.x[3] << 32
					: 0;
}

u64 nw_mem_share(u16 receiver, u64 addr, u32 npages)
{
	u64 err;

	return guest_mem_send(FFA_MEM_SHARE_32, receiver, addr, npages, &err);
}

/* A guest enables no interrupt: an FFA_INTERRUPT has nothing for it to do. */
void nw_handle_interrupt(void)
{
}

unsigned guest_passed, guest_failed;

void guest_check(bool ok, const char *what, u64 got, u64 want)
{
	if (ok) {
		guest_passed++;
		log_printf("ok - %s\n", what);
	} else {
		guest_failed++;
		log_printf("FAIL - %s: got 0x%llx, want 0x%llx\n", what,
			   (unsigned long long)got, (unsigned long long)want);
	}
}
