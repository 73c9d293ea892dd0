/* FF-A (and other) calls a partition makes with SMC or HVC. */
#include "lib/log.h"
#include "lib/smccc.h"
#include "spmc/spmc.h"

static bool is_psci(u32 fid)
{
	return (fid & 0xbfffffe0u) == 0x84000000u;
}

static bool is_ffa(u32 fid)
{
	return (fid & 0xbfffff00u) == 0x84000000u && (fid & 0xff) >= 0x60;
}

bool sp_handle_call(struct partition *p, struct partition **next,
		    struct ffa_value *out)
{
	struct caller c = { p, p->m.id };
	const struct ffa_value *a = vcpu_ffa(p);
	struct ffa_value r;
	u32 fid = (u32)a->x[0];

	*next = p;
	switch (fid) {
	case FFA_MSG_SEND_DIRECT_RESP_32:
	case FFA_MSG_SEND_DIRECT_RESP_64:
		return sp_direct_resp(p, a, next, out);
	case FFA_MSG_WAIT:
		return sp_msg_wait(p, next, out);
	case FFA_MSG_SEND_DIRECT_REQ_32:
	case FFA_MSG_SEND_DIRECT_REQ_64:
		return sp_direct_req(p, a, next);
	case FFA_ERROR:
		return sp_fault(
			p, next, out, "gave up with FFA_ERROR %d (PC 0x%llx)",
			(int)(s32)a->x[2], (unsigned long long)p->vcpu.pc);
	default:
		break;
	}
	/* the answer replaces the call in the partition's registers */
	if (ffa_answer_simple(c, a, vcpu_ffa(p)))
		return false;
	if (is_psci(fid))
		/* power management belongs to the normal world */
		return sp_fault(p, next, out,
				"forbidden PSCI call 0x%x (PC 0x%llx)", fid,
				(unsigned long long)p->vcpu.pc);
	r = is_ffa(fid) ? ffa_error(FFA_NOT_SUPPORTED)
			: ffa_value8((u64)(s64)SMCCC_NOT_SUPPORTED, 0, 0, 0, 0,
				     0, 0, 0);
	*vcpu_ffa(p) = r;
	return false;
}
