/* Direct messaging: requests, responses, waiting and FFA_RUN. */
#include "lib/log.h"
#include "spmc/spmc.h"

#define MSG_METHOD_DIRECT_RECV BIT(0)
#define MSG_METHOD_DIRECT_SEND BIT(1)

/* The registers a message carries: w/x0-7, 32-bit forms zero-extended. */
static struct ffa_value message(const struct ffa_value *a)
{
	u64 mask = ffa_is_64((u32)a->x[0]) ? ~0ULL : 0xffffffffULL;

	return ffa_value8((u32)a->x[0], (u32)a->x[1], (u32)a->x[2],
			  a->x[3] & mask, a->x[4] & mask, a->x[5] & mask,
			  a->x[6] & mask, a->x[7] & mask);
}

static s32 state_error(const struct partition *q)
{
	return q->state == SP_ABORTED ? FFA_ABORTED : FFA_BUSY;
}

/*
 * Checks a direct request from sender; on success *target is waiting. w2
 * is 0, or with fwk a framework message, checked by its kind.
 */
static s32 check_request(const struct ffa_value *a, u16 sender, bool fwk,
			 struct partition **target)
{
	u16 src = (u16)(a->x[1] >> 16), dst = (u16)a->x[1];
	u32 w2 = (u32)a->x[2];
	struct partition *q;

	if (src != sender || dst == sender || !ffa_id_is_secure(dst) ||
	    (w2 && !(fwk && (w2 & FFA_FWK_MSG))))
		return FFA_INVALID_PARAMETERS;
	q = spmc_find_partition(dst);
	if (!q)
		return FFA_INVALID_PARAMETERS;
	if (!(q->m.messaging_method & MSG_METHOD_DIRECT_RECV))
		return FFA_DENIED;
	if (q->state != SP_WAITING)
		return state_error(q);
	*target = q;
	return FFA_OK;
}

/*
 * A VM availability message from the normal-world hypervisor (only it may
 * send one): about a VM of the system manifest, to a partition that
 * subscribes to that message in its manifest.
 */
static s32 check_vm_message(const struct ffa_value *a, struct partition *q)
{
	u32 type = (u32)a->x[2] & ~FFA_FWK_MSG;
	u16 vm = (u16)a->x[5];
	const char *name = ns_policy_vm_name(vm);
	u32 want = type == FFA_FWK_VM_CREATED	  ? MANIFEST_VM_CREATED
		   : type == FFA_FWK_VM_DESTROYED ? MANIFEST_VM_DESTROYED
						  : 0;

	if (!want || (u16)(a->x[1] >> 16) != FFA_HOST_ID || !name ||
	    a->x[5] >> 16 || ffa_is_64((u32)a->x[0]))
		return FFA_INVALID_PARAMETERS;
	if (!(q->m.vm_availability & want))
		return FFA_DENIED;
	log_printf("VM %u '%s' %s: telling 0x%04x\n", vm, name,
		   type == FFA_FWK_VM_CREATED ? "created" : "destroyed",
		   q->m.id);
	return FFA_OK;
}

static void deliver_request(struct partition *q, const struct ffa_value *a,
			    u16 sender)
{
	struct ffa_value m = message(a);
	u32 fwk = (u32)a->x[2];

	q->state = SP_RUNNING;
	q->serving = true;
	/* a VM message is answered by its acknowledgement, nothing else */
	q->fwk_resp = fwk ? fwk + 1 : 0;
	q->caller = sender;
	q->caller_64 = ffa_is_64((u32)a->x[0]);
	*vcpu_ffa(q) = m;
}

/*
 * The normal world's own endpoint (its hypervisor, or its only OS) is ID
 * 0; a normal-world hypervisor sends its guests' requests in their names.
 * Each, ID 0 too, may call only what the system manifest gives it.
 */
void ffa_direct_req_from_ns(struct ffa_value *a)
{
	u16 src = (u16)(a->x[1] >> 16);
	struct partition *q;
	s32 err = src > SPMC_NS_VM_ID_MAX ? FFA_INVALID_PARAMETERS
					  : check_request(a, src, true, &q);

	/* a framework message goes to whoever subscribed; the rest, only
	 * where the system manifest lets the sender call */
	if (!err && (u32)a->x[2])
		err = check_vm_message(a, q);
	else if (!err)
		err = ns_policy_check(src, q);

	if (err) {
		*a = ffa_error(err);
		return;
	}
	deliver_request(q, a, src);
	sp_run(q, a);
}

void ffa_run_from_ns(struct ffa_value *a)
{
	u16 id = (u16)(a->x[1] >> 16), vcpu = (u16)a->x[1];
	struct partition *q = spmc_find_partition(id);
	struct ffa_value run = ffa_value8(FFA_RUN, 0, 0, 0, 0, 0, 0, 0);

	if (!q || vcpu >= q->m.exec_ctx_count) {
		*a = ffa_error(FFA_INVALID_PARAMETERS);
		return;
	}
	if (q->state == SP_PREEMPTED) {
		/* on where it was interrupted, registers untouched */
		q->state = SP_RUNNING;
		sp_run(q, a);
		return;
	}
	if (q->state != SP_WAITING) {
		*a = ffa_error(state_error(q));
		return;
	}
	q->state = SP_RUNNING;
	q->serving = false;
	*vcpu_ffa(q) = run;
	sp_run(q, a);
}

/*
 * A normal-world interrupt came while p ran (the secure state sees it as
 * FIQ, routed to S-EL2 while partitions run). The normal world gets the CPU
 * back at once with FFA_INTERRUPT naming p and its vCPU; p keeps its place,
 * and whatever chain of requests it serves stays as it is, until the
 * normal world's FFA_RUN resumes it.
 */
bool sp_preempt(struct partition *p, struct partition **next,
		struct ffa_value *out)
{
	*next = p;
	if (p->state == SP_BOOTING)
		/* the normal world has not run yet: nothing of its own can
		 * be pending, and there is no one to hand the CPU to */
		return false;
	p->state = SP_PREEMPTED;
	*out = ffa_value8(FFA_INTERRUPT, (u32)p->m.id << 16, 0, 0, 0, 0, 0, 0);
	return true;
}

bool sp_direct_req(struct partition *p, const struct ffa_value *a,
		   struct partition **next)
{
	struct partition *q;
	s32 err;

	if (p->state != SP_RUNNING ||
	    !(p->m.messaging_method & MSG_METHOD_DIRECT_SEND))
		err = FFA_DENIED;
	else
		err = check_request(a, p->m.id, false, &q);
	*next = p;
	if (err) {
		struct ffa_value e = ffa_error(err);

		*vcpu_ffa(p) = e;
		return false;
	}
	p->state = SP_BLOCKED;
	p->callee = q->m.id;
	deliver_request(q, a, p->m.id);
	*next = q;
	return false;
}

bool sp_direct_resp(struct partition *p, const struct ffa_value *a,
		    struct partition **next, struct ffa_value *out)
{
	u16 src = (u16)(a->x[1] >> 16), dst = (u16)a->x[1];
	struct ffa_value m = message(a);
	struct partition *q;
	s32 err = FFA_OK;

	*next = p;
	if (p->state != SP_RUNNING || !p->serving)
		err = FFA_DENIED;
	else if (src != p->m.id || dst != p->caller ||
		 (u32)a->x[2] != p->fwk_resp ||
		 ffa_is_64((u32)a->x[0]) != p->caller_64)
		err = FFA_INVALID_PARAMETERS;
	if (err) {
		struct ffa_value e = ffa_error(err);

		*vcpu_ffa(p) = e;
		return false;
	}
	p->state = SP_WAITING;
	p->serving = false;
	if (!ffa_id_is_secure(dst)) {
		*out = m;
		return true;
	}
	q = spmc_find_partition(dst);
	/* the caller is blocked on p until now: nothing else can run it */
	q->state = SP_RUNNING;
	*vcpu_ffa(q) = m;
	*next = q;
	return false;
}

bool sp_msg_wait(struct partition *p, struct partition **next,
		 struct ffa_value *out)
{
	*next = p;
	if (p->state == SP_BOOTING) {
		p->state = SP_WAITING;
		log_printf("partition 0x%04x '%s' is ready\n", p->m.id,
			   p->m.name);
		return false;
	}
	if (p->serving) {
		/* a request in progress must be answered first */
		struct ffa_value e = ffa_error(FFA_DENIED);

		*vcpu_ffa(p) = e;
		return false;
	}
	/* it was given cycles by FFA_RUN and is done with them */
	p->state = SP_WAITING;
	*out = ffa_value8(FFA_MSG_WAIT, 0, 0, 0, 0, 0, 0, 0);
	return true;
}
