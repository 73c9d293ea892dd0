/* Guests coming and going: the VM availability messages, and what a guest
 * holds. */
#include "lib/log.h"
#include "tos/mem.h"
#include "tos/services.h"
#include "tos/ta.h"
#include "tos/tos.h"
#include "tos/vm_events.h"

/*
 * VM created needs nothing made: a guest's sessions, instances and held
 * memory come with its own calls. VM destroyed takes all of them away, so
 * a guest that went without closing anything leaves nothing behind.
 */
void tos_vm_event(struct ffa_value *out, const struct ffa_value *req, u16 self)
{
	u32 type = (u32)req->x[2] & FFA_FWK_TYPE_MASK;
	u16 vm = (u16)req->x[5];
	unsigned sessions, instances, shares, other;

	out->x[3] = 0;
	if (type == FFA_FWK_VM_CREATED) {
		out->x[2] = FFA_FWK_MSG | FFA_FWK_VM_CREATED_ACK;
		log_printf("VM %u created\n", vm);
		return;
	}
	out->x[2] = FFA_FWK_MSG | FFA_FWK_VM_DESTROYED_ACK;
	if (type != FFA_FWK_VM_DESTROYED || vm == FFA_HOST_ID ||
	    ffa_id_is_secure(vm)) {
		/* the SPMC lets no other message through: answer it anyway */
		out->x[3] = (u64)(s64)FFA_INVALID_PARAMETERS;
		return;
	}
	ta_release_owner(vm, &sessions, &instances);
	shares = tos_mem_release_owner(vm, self);
	other = tos_service_release(vm);
	/* one console call's worth, so that it stays one line */
	log_printf("VM %u gone: freed %u ses, %u TA, %u shm, %u key\n", vm,
		   sessions, instances, shares, other);
}

void tos_owner_stats(struct ffa_value *out, const struct ffa_value *req)
{
	u16 asker = (u16)(req->x[1] >> 16), who = (u16)req->x[4];
	unsigned sessions, instances;

	/* the hypervisor may ask about any guest, a guest about itself */
	if (asker != FFA_HOST_ID && asker != who) {
		out->x[3] = TOS_ERR_UNKNOWN_CMD;
		return;
	}
	ta_count(who, &sessions, &instances);
	out->x[4] = sessions;
	out->x[5] = instances;
	out->x[6] = tos_mem_count(who);
}
