/* Which TAs a guest may open: its requests to open a session read and checked
 * against the system manifest. */
#include "lib/log.h"
#include "lib/optee_msg.h"
#include "lib/ta_policy.h"
#include "nwvisor/nwvisor.h"
#include "tos/optee_abi.h"
#include "tos/tos.h"

/*
 * The UUID a direct request asks to open a session with: in w4-w7 for our
 * TEEs' own command, in the OP-TEE message the guest shares for OP-TEE's
 * ABI. 1: it opens one, 0: it opens none, -1: it may, but its message is
 * not where we can read it.
 */
static int opens(const struct vm *vm, const struct ffa_value *a, u32 uuid[4])
{
	u8 arg[OPTEE_MSG_ARG_HDR + PARAM_SIZE];
	u64 handle = (u32)a->x[4] | (u64)(u32)a->x[5] << 32;
	unsigned i;

	switch ((u32)a->x[3]) {
	case TOS_CMD_TA_OPEN:
		for (i = 0; i < 4; i++)
			uuid[i] = (u32)a->x[4 + i];
		return 1;
	case OPTEE_FFA_YIELDING_CALL_WITH_ARG:
		/*
		 * The guest's one vCPU waits until the TEE answers, and only
		 * the guest and that TEE have the memory: what we read is
		 * what the TEE reads.
		 */
		/* the command alone first: most calls open nothing */
		if (!nwv_mem_read(vm, handle, (u32)a->x[6], arg, 4))
			return -1;
		if (optee_get32(arg) != OPTEE_MSG_CMD_OPEN_SESSION)
			return 0;
		if (!nwv_mem_read(vm, handle, (u32)a->x[6], arg,
				  OPTEE_MSG_ARG_HDR))
			return -1;
		if (optee_get32(arg + 28) < 2)
			return 0; /* malformed: the TEE refuses it */
		if (!nwv_mem_read(vm, handle, (u32)a->x[6], arg, sizeof(arg)))
			return -1;
		return optee_msg_open_uuid(arg, uuid) ? 1 : 0;
	default:
		return 0;
	}
}

bool vm_may_open(const struct vm *vm, const struct ffa_value *a)
{
	u16 tee = (u16)a->x[1];
	u32 uuid[4] = { 0 };
	char text[37];
	unsigned i;
	int o;

	for (i = 0; i < vm->sys->ta_count; i++)
		if (vm->sys->tas[i].tee == tee)
			break;
	if (i == vm->sys->ta_count)
		return true; /* held to no TAs in that TEE */
	o = opens(vm, a, uuid);
	if (o == 0 || (o == 1 && system_vm_may_open(vm->sys, tee, uuid)))
		return true;
	if (o < 0) {
		log_printf("VM %u '%s': request to 0x%04x in a message we "
			   "cannot read refused (it may open a TA)\n",
			   vm->id, vm->name, tee);
		return false;
	}
	ta_uuid_format(uuid, text);
	log_printf("VM %u '%s' may not open TA %s in 0x%04x: refused by the "
		   "binding policy\n",
		   vm->id, vm->name, text, tee);
	return false;
}
