/* Stopping a partition that faulted, and telling whoever waited on it. */
#include "lib/log.h"
#include "spmc/spmc.h"

const char *sp_state_name(enum sp_state s)
{
	switch (s) {
	case SP_BOOTING:
		return "booting";
	case SP_WAITING:
		return "waiting";
	case SP_RUNNING:
		return "running";
	case SP_BLOCKED:
		return "blocked";
	case SP_PREEMPTED:
		return "preempted";
	case SP_ABORTED:
		return "aborted";
	}
	return "?";
}

/*
 * The partition is never entered again. Its caller, if any, gets ABORTED;
 * nothing else changes, so every other partition goes on serving.
 */
bool sp_fault(struct partition *p, struct partition **next,
	      struct ffa_value *out, const char *fmt, ...)
{
	bool serving = p->serving, booting = p->state == SP_BOOTING;
	struct ffa_value err = ffa_error(FFA_ABORTED);
	struct partition *q;
	char why[128];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	log_printf("partition 0x%04x '%s' stopped: %s\n", p->m.id, p->m.name,
		   why);
	p->state = SP_ABORTED;
	p->serving = false;
	ffa_mem_endpoint_stopped(p);
	*next = p;
	if (booting)
		return false;
	if (!serving || !ffa_id_is_secure(p->caller)) {
		*out = err;
		return true;
	}
	q = spmc_find_partition(p->caller);
	if (!q || q->state != SP_BLOCKED || q->callee != p->m.id) {
		/* cannot happen: the chain is kept consistent */
		*out = err;
		return true;
	}
	q->state = SP_RUNNING;
	*vcpu_ffa(q) = err;
	*next = q;
	return false;
}
