/* Guests coming and going: the partitions told of it, and what each TEE kept.
 */
#include "arch/aarch64/ffa_smc.h"
#include "lib/ffa_partinfo.h"
#include "lib/log.h"
#include "nwvisor/nwvisor.h"
#include "tos/tos.h"

/* The partitions that asked (partition properties 6 and 7) to be told */
#define SUBSCRIBERS_MAX 8
static struct {
	u16 id;
	u32 props;
} subscribers[SUBSCRIBERS_MAX];
static unsigned subscriber_count;

static u16 get16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

static u32 get32(const u8 *p)
{
	return get16(p) | (u32)get16(p + 2) << 16;
}

void vm_lifecycle_init(void)
{
	struct ffa_value r = ffa_smc(
		ffa_value8(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0, 0, 0));
	u32 count, size, i, k;

	if (r.x[0] != FFA_SUCCESS_32) {
		log_printf("no partition information: partitions are not "
			   "told of guests\n");
		return;
	}
	count = (u32)r.x[2];
	size = (u32)r.x[3];
	/* one descriptor per UUID: a partition may come more than once */
	for (i = 0; size >= FFA_PARTINFO_V1_1_SIZE && i < count &&
		    (u64)(i + 1) * size <= sizeof(nwv_rx);
	     i++) {
		const u8 *d = nwv_rx + i * size;
		u16 id = get16(d);
		u32 props = get32(d + 4) &
			    (FFA_PROP_VM_CREATED | FFA_PROP_VM_DESTROYED);

		for (k = 0; k < subscriber_count && subscribers[k].id != id;
		     k++)
			;
		if (!props || k < subscriber_count ||
		    subscriber_count == SUBSCRIBERS_MAX)
			continue;
		subscribers[subscriber_count].id = id;
		subscribers[subscriber_count].props = props;
		subscriber_count++;
	}
	ffa_smc(ffa_value8(FFA_RX_RELEASE, 0, 0, 0, 0, 0, 0, 0));
	log_printf("%u partition(s) told of guests created and destroyed\n",
		   subscriber_count);
}

/* A request of the hypervisor's own, resumed until it is answered */
static struct ffa_value own_request(u16 to, u32 w2, u32 w3, u32 w4, u32 w5)
{
	struct ffa_value a = ffa_value8(FFA_MSG_SEND_DIRECT_REQ_32, to, w2, w3,
					w4, w5, 0, 0);
	struct ffa_value r = ffa_smc(a);

	/* busy with a guest's preempted call: that one is finished first */
	if (r.x[0] == FFA_ERROR && (s32)r.x[2] == FFA_BUSY) {
		vm_finish_calls_in(to);
		r = ffa_smc(a);
	}
	/* the hypervisor's interrupt waits until the guests run again */
	while (r.x[0] == FFA_INTERRUPT)
		r = ffa_smc(ffa_value8(FFA_RUN, r.x[1], 0, 0, 0, 0, 0, 0));
	return r;
}

static void tell(const struct vm *vm, bool created)
{
	u32 prop = created ? FFA_PROP_VM_CREATED : FFA_PROP_VM_DESTROYED;
	u32 msg = FFA_FWK_MSG |
		  (created ? FFA_FWK_VM_CREATED : FFA_FWK_VM_DESTROYED);
	unsigned i;

	for (i = 0; i < subscriber_count; i++) {
		struct ffa_value r;

		if (!(subscribers[i].props & prop))
			continue;
		r = own_request(subscribers[i].id, msg, 0, 0, vm->id);
		if (r.x[0] != FFA_MSG_SEND_DIRECT_RESP_32 ||
		    (u32)r.x[2] != msg + 1 || (u32)r.x[3] != 0)
			log_printf("VM %u '%s': partition 0x%04x did not "
				   "acknowledge (0x%llx, status %d)\n",
				   vm->id, vm->name, subscribers[i].id,
				   (unsigned long long)r.x[0],
				   (int)(s32)r.x[3]);
	}
}

void vm_announce_created(const struct vm *vm)
{
	tell(vm, true);
}

/*
 * What the VM has in each TEE it may use, as the TEE counts it (a Tessera
 * TEE answers TOS_CMD_OWNER_STATS); false if one holds anything.
 */
static bool tee_report(const struct vm *vm, const char *when)
{
	bool clean = true;
	unsigned i;

	for (i = 0; i < vm->sys->tee_count; i++) {
		u16 tee = vm->sys->tees[i];
		struct ffa_value r =
			own_request(tee, 0, TOS_CMD_OWNER_STATS, vm->id, 0);

		if (r.x[0] != FFA_MSG_SEND_DIRECT_RESP_32 || (u32)r.x[3]) {
			log_printf("VM %u '%s' %s: TEE 0x%04x keeps no count\n",
				   vm->id, vm->name, when, tee);
			continue;
		}
		log_printf("VM %u '%s' %s: TEE 0x%04x holds %u session(s), "
			   "%u TA instance(s), %u shared buffer(s)\n",
			   vm->id, vm->name, when, tee, (unsigned)r.x[4],
			   (unsigned)r.x[5], (unsigned)r.x[6]);
		clean = clean && !r.x[4] && !r.x[5] && !r.x[6];
	}
	return clean;
}

bool vm_destroy(struct vm *vm)
{
	unsigned freed, kept;
	bool clean;

	tee_report(vm, "going");
	/* the TEEs first: they give back what they hold of its memory */
	tell(vm, false);
	freed = nwv_mem_release_vm(vm, &kept);
	clean = tee_report(vm, "gone") && !kept;
	log_printf("VM %u '%s' destroyed: %u share(s) reclaimed, %u kept by "
		   "a partition; %s\n",
		   vm->id, vm->name, freed, kept,
		   clean ? "nothing of it is left in any TEE"
			 : "SOMETHING OF IT IS LEFT");
	return clean;
}
