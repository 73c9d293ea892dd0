/* A guest's SMC/HVC: PSCI for itself, FF-A checked and sent on in its own name.
 */
#include "arch/aarch64/ffa_smc.h"
#include "lib/ffa_msg_hdr.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "lib/string.h"
#include "nwvisor/nwvisor.h"

static struct ffa_value *regs(struct vm *vm)
{
	return (struct ffa_value *)vm->vcpu.x;
}

static void answer(struct vm *vm, struct ffa_value r)
{
	*regs(vm) = r;
}

/*
 * FFA_CONSOLE_LOG: up to 24 characters in w2-w7, kept until the line ends,
 * then said with the VM's name in front: a guest cannot write as another.
 */
static void console_log(struct vm *vm, const struct ffa_value *a)
{
	u32 n = (u32)a->x[1], i;

	if (n == 0 || n > 24) {
		answer(vm, ffa_error(FFA_INVALID_PARAMETERS));
		return;
	}
	for (i = 0; i < n; i++) {
		char c = (char)(a->x[2 + i / 4] >> (8 * (i % 4)));

		if (c == '\n' || vm->console_len == sizeof(vm->console) - 1) {
			vm->console[vm->console_len] = '\0';
			log_printf("[VM %u '%s'] %s\n", vm->id, vm->name,
				   vm->console);
			vm->console_len = 0;
		}
		if (c != '\n' && c != '\0')
			vm->console[vm->console_len++] =
				c >= ' ' && c < 0x7f ? c : '?';
	}
	answer(vm, ffa_success(0));
}

/*
 * A direct request goes on only in the guest's own name, only to a TEE
 * the binding policy gives it and, if it opens a session, only with a TA
 * the policy lets it open there; the secure side checks all three again.
 */
static void direct_req(struct vm *vm, const struct ffa_value *a)
{
	u16 src = (u16)(a->x[1] >> 16), dst = (u16)a->x[1];
	struct ffa_value r;

	if (src != vm->id || (u32)a->x[2] != 0) {
		log_printf("VM %u '%s': direct request with sender 0x%04x "
			   "refused (not its own ID)\n",
			   vm->id, vm->name, src);
		answer(vm, ffa_error(FFA_INVALID_PARAMETERS));
		return;
	}
	if (!vm_may_reach(vm, dst)) {
		log_printf("VM %u '%s': direct request to 0x%04x refused by "
			   "the binding policy\n",
			   vm->id, vm->name, dst);
		answer(vm, ffa_error(FFA_DENIED));
		return;
	}
	if (!vm_may_open(vm, a)) {
		answer(vm, ffa_error(FFA_DENIED));
		return;
	}
	r = ffa_smc(*a);
	/* the slice is over with the partition still at it: the guest waits
	 * for its answer (its registers as they are) until its next turn */
	if (r.x[0] == FFA_INTERRUPT)
		vm->preempted = r.x[1];
	else
		answer(vm, r);
}

/*
 * FFA_MSG_SEND2: the guest's message, from its own ID to a TEE the policy
 * gives it, copied from its TX into ours (what the guest does to its TX
 * afterwards changes nothing) and sent on in its name.
 */
static struct ffa_value msg_send2(struct vm *vm, const struct ffa_value *a)
{
	const u8 *tx = (const u8 *)vm->tx_pa;
	struct ffa_msg_hdr h;

	if ((u32)a->x[1] || ((u32)a->x[2] & ~FFA_MSG_SEND2_DELAY_SRI))
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (!vm->rxtx_mapped)
		return ffa_error(FFA_DENIED);
	h = ffa_msg_hdr_read(tx);
	if (!ffa_msg_hdr_valid(&h, PAGE_SIZE))
		return ffa_error(FFA_INVALID_PARAMETERS);
	if (h.sender != vm->id) {
		log_printf("VM %u '%s': message in the name of 0x%04x "
			   "refused\n",
			   vm->id, vm->name, h.sender);
		return ffa_error(FFA_INVALID_PARAMETERS);
	}
	if (!vm_may_reach(vm, h.receiver)) {
		log_printf("VM %u '%s': message to 0x%04x refused by the "
			   "binding policy\n",
			   vm->id, vm->name, h.receiver);
		return ffa_error(FFA_DENIED);
	}
	/* our copy, the payload right after the header */
	ffa_msg_hdr_write(nwv_tx, h.sender, h.receiver, h.size);
	memcpy(nwv_tx + FFA_MSG_HDR_SIZE, tx + h.offset, h.size);
	return ffa_smc(ffa_value8(FFA_MSG_SEND2, (u64)vm->id << 16, a->x[2], 0,
				  0, 0, 0, 0));
}

void vm_resume_call(struct vm *vm)
{
	struct ffa_value r =
		ffa_smc(ffa_value8(FFA_RUN, vm->preempted, 0, 0, 0, 0, 0, 0));

	if (r.x[0] == FFA_INTERRUPT) {
		vm->preempted = r.x[1];
		return;
	}
	vm->preempted = 0;
	answer(vm, r);
}

void vm_finish_calls_in(u16 id)
{
	unsigned i;

	for (i = 0; i < nwv_vm_count; i++)
		while (nwv_vms[i].preempted &&
		       (u16)(nwv_vms[i].preempted >> 16) == id)
			vm_resume_call(&nwv_vms[i]);
}

bool vm_handle_call(struct vm *vm)
{
	struct ffa_value a = *regs(vm);
	u32 fid = (u32)a.x[0];

	switch (fid) {
	case PSCI_VERSION:
		answer(vm, ffa_value8(PSCI_VERSION_1_1, 0, 0, 0, 0, 0, 0, 0));
		return true;
	case PSCI_SYSTEM_OFF:
		/* a guest powers off itself, not the machine */
		vm->state = VM_OFF;
		log_printf("VM %u '%s' powered off\n", vm->id, vm->name);
		return false;
	case PSCI_SYSTEM_RESET:
		/* and resets itself alone: the others keep running */
		vm->state = VM_RESET;
		log_printf("VM %u '%s' resets\n", vm->id, vm->name);
		return false;
	case FFA_VERSION:
		/* every guest gets the version the SPMC speaks; what it asked
		 * for stays here (it sets its descriptors' layout), so one
		 * guest's choice is not another's */
		if ((u32)a.x[1] >> 16 != 1 || (u32)a.x[1] >> 31) {
			answer(vm, ffa_value8((u64)-1, 0, 0, 0, 0, 0, 0, 0));
			return true;
		}
		vm->version = (u32)a.x[1];
		answer(vm, ffa_value8(FFA_VERSION_1_2, 0, 0, 0, 0, 0, 0, 0));
		return true;
	case FFA_RXTX_MAP_32:
	case FFA_RXTX_MAP_64:
		answer(vm, nwv_rxtx_map(vm, &a));
		return true;
	case FFA_RXTX_UNMAP:
		answer(vm, nwv_rxtx_unmap(vm, &a));
		return true;
	case FFA_MEM_SHARE_32:
	case FFA_MEM_SHARE_64:
	case FFA_MEM_LEND_32:
	case FFA_MEM_LEND_64:
	case FFA_MEM_DONATE_32:
	case FFA_MEM_DONATE_64:
		answer(vm, nwv_mem_share(vm, &a));
		return true;
	case FFA_MEM_RECLAIM:
		answer(vm, nwv_mem_reclaim(vm, &a));
		return true;
	case FFA_ID_GET:
		answer(vm, ffa_success(vm->id));
		return true;
	case FFA_PARTITION_INFO_GET:
		answer(vm, nwv_partition_info_get(vm, &a));
		return true;
	case FFA_RX_RELEASE:
		answer(vm, nwv_rx_release(vm, &a));
		return true;
	case FFA_FEATURES:
		answer(vm, nwv_features(vm, &a));
		return true;
	case FFA_CONSOLE_LOG_32:
		console_log(vm, &a);
		return true;
	case FFA_MSG_SEND_DIRECT_REQ_32:
	case FFA_MSG_SEND_DIRECT_REQ_64:
		direct_req(vm, &a);
		return true;
	case FFA_MSG_SEND2:
		answer(vm, msg_send2(vm, &a));
		return true;
	default:
		break;
	}
	if ((fid & 0xbfffff00u) == 0x84000000u && (fid & 0xff) >= 0x60)
		/* notifications, messages to guests, fragments and the
		 * rest of FF-A: not proxied for guests */
		answer(vm, ffa_error(FFA_NOT_SUPPORTED));
	else
		answer(vm, ffa_value8((u64)(s64)SMCCC_NOT_SUPPORTED, 0, 0, 0, 0,
				      0, 0, 0));
	return true;
}
