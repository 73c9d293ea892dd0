/* Trusted Applications at S-EL0: instances, sessions, and containment. */
#include "arch/aarch64/sysreg.h"
#include "lib/log.h"
#include "lib/pgtable.h"
#include "lib/string.h"
#include "tos/mmu.h"
#include "tos/ta.h"
#include "tos/ta_access.h"
#include "tos/ta/ta_abi.h"
#include "lib/mem_txn.h"

/* The TA images this build carries (tos/ta_table_*.c). */
extern const struct ta_image ta_images[];
extern const unsigned ta_image_count;

/* Registers of a TA as tos/ta_entry.S saves and loads them */
struct ta_regs {
	u64 x[31];
	u64 pc, sp;
};

u64 ta_enter(struct ta_regs *r);

/* Why ta_enter came back (tos/start.S vectors) */
#define EXIT_SYNC 0
#define EC_SVC64 0x15

/* Per instance: its own pages (code, stack, parameters) and tables. */
#define TA_IMAGE_MAX (TA_CODE_MAX + TA_DATA_MAX)
#define TA_MEM_SIZE (TA_IMAGE_MAX + TA_STACK_SIZE + PAGE_SIZE)
#define TA_INSTANCES 6
static u8 ta_memory[TA_INSTANCES][TA_MEM_SIZE]
	__attribute__((aligned(PAGE_SIZE)));

static struct ta_instance {
	const struct ta_image *image;
	u16 owner; /* the endpoint (a guest, or the normal world) it serves */
	bool dead;
	unsigned sessions;
	struct pgt space;
	u16 asid;
} instances[TA_INSTANCES];

#define SESSIONS 16

/*
 * What one guest of a normal-world hypervisor may take of this TEE, so
 * that guests sharing it cannot starve each other; the normal world's own
 * endpoint (ID 0, a hypervisor or the only OS) may take everything.
 */
#define GUEST_SESSIONS_MAX (SESSIONS / 4)
#define GUEST_INSTANCES_MAX 2
static struct session {
	struct ta_instance *ta; /* NULL: free */
	u16 owner; /* the endpoint that opened it: the only one that may use it
		    */
	u64 context; /* the TA's sessionContext */
} sessions[SESSIONS];

static const struct ta_image *find_image(const u32 uuid[4])
{
	unsigned i;

	for (i = 0; i < ta_image_count; i++)
		if (!memcmp(ta_images[i].uuid, uuid, 16))
			return &ta_images[i];
	return NULL;
}

static u8 *memory_of(const struct ta_instance *ta)
{
	return ta_memory[ta - instances];
}

/*
 * Runs one entry of ta with parameters in *params (copied in and out of
 * the TA's parameter page). A TA that faults or makes a call it may not
 * is dead from then on: TEE_ERROR_TARGET_DEAD.
 */
static TEE_Result run(struct ta_instance *ta, u64 op, u64 *context, u32 cmd,
		      u32 types, TEE_Param params[4])
{
	TEE_Param *page =
		(TEE_Param *)(memory_of(ta) + TA_IMAGE_MAX + TA_STACK_SIZE);
	struct ta_regs r;
	u64 exit, esr;

	if (ta->dead)
		return TEE_ERROR_TARGET_DEAD;
	memset(&r, 0, sizeof(r));
	r.x[0] = op;
	r.x[1] = *context;
	r.x[2] = cmd;
	r.x[3] = types;
	r.pc = TA_CODE_VA;
	r.sp = TA_STACK_VA + TA_STACK_SIZE;
	memcpy(page, params, 4 * sizeof(TEE_Param));
	tos_mmu_space_enter(&ta->space, ta->asid);
	exit = ta_enter(&r);
	esr = read_sysreg(esr_el1);
	tos_mmu_space_leave();
	if (exit == EXIT_SYNC && (esr >> 26) == EC_SVC64 &&
	    r.x[8] == TA_SVC_RETURN) {
		memcpy(params, page, 4 * sizeof(TEE_Param));
		*context = r.x[1];
		return (TEE_Result)r.x[0];
	}
	ta->dead = true;
	log_printf("TA '%s' killed: exit %llu, ESR 0x%llx at PC 0x%llx, FAR "
		   "0x%llx\n",
		   ta->image->name, (unsigned long long)exit,
		   (unsigned long long)esr, (unsigned long long)r.pc,
		   (unsigned long long)read_sysreg(far_el1));
	return TEE_ERROR_TARGET_DEAD;
}

/*
 * The instance of img that serves owner, made if there is none: every
 * endpoint (each guest of a normal-world hypervisor) has instances of its
 * own, so a TA's state (a key store's keys) is never another guest's.
 */
static struct ta_instance *instance_of(const struct ta_image *img, u16 owner)
{
	struct ta_instance *ta = NULL;
	TEE_Param none[4];
	u64 ctx = 0;
	unsigned i;
	u8 *mem;

	for (i = 0; i < TA_INSTANCES; i++)
		if (instances[i].image == img && instances[i].owner == owner &&
		    !instances[i].dead)
			return &instances[i];
	for (i = 0; i < TA_INSTANCES && !ta; i++)
		if (!instances[i].image)
			ta = &instances[i];
	if (!ta || (u64)(img->end - img->start) > TA_IMAGE_MAX)
		return NULL;
	mem = memory_of(ta);
	memset(mem, 0, TA_MEM_SIZE);
	memcpy(mem, img->start, (u64)(img->end - img->start));
	ta->asid = (u16)(ta - instances + 1);
	if (tos_mmu_space_init(&ta->space))
		return NULL;
	/* code executable and read-only, everything else the reverse */
	if (tos_mmu_space_map(&ta->space, TA_CODE_VA, (u64)mem, TA_CODE_MAX,
			      true, false) ||
	    tos_mmu_space_map(&ta->space, TA_DATA_VA, (u64)mem + TA_CODE_MAX,
			      TA_DATA_MAX, false, true) ||
	    tos_mmu_space_map(&ta->space, TA_STACK_VA, (u64)mem + TA_IMAGE_MAX,
			      TA_STACK_SIZE, false, true) ||
	    tos_mmu_space_map(&ta->space, TA_PARAMS_VA,
			      (u64)mem + TA_IMAGE_MAX + TA_STACK_SIZE,
			      PAGE_SIZE, false, true)) {
		tos_mmu_space_destroy(&ta->space, ta->asid);
		return NULL;
	}
	ta->image = img;
	ta->owner = owner;
	ta->dead = false;
	ta->sessions = 0;
	memset(none, 0, sizeof(none));
	if (run(ta, TA_OP_CREATE, &ctx, 0, 0, none) != TEE_SUCCESS) {
		tos_mmu_space_destroy(&ta->space, ta->asid);
		ta->image = NULL;
		return NULL;
	}
	log_printf("TA '%s' loaded at S-EL0 (ASID %u) for endpoint 0x%04x\n",
		   img->name, ta->asid, owner);
	return ta;
}

/* A dead or idle instance gives its memory and tables back. */
static void release(struct ta_instance *ta)
{
	tos_mmu_space_destroy(&ta->space, ta->asid);
	ta->image = NULL;
}

/* Each memory reference has its own window in the TA's address space. */
#define TA_MEMREF_WINDOW (TA_MEMREF_MAX / 4)

static void unmap_refs(struct ta_instance *ta, const u64 mapped[4])
{
	unsigned i;

	for (i = 0; i < 4; i++)
		if (mapped[i])
			tos_mmu_space_unmap(&ta->space, ta->asid,
					    TA_MEMREF_VA + i * TA_MEMREF_WINDOW,
					    mapped[i]);
}

/*
 * Maps the memory behind each parameter typed as a memory reference into
 * its window of ta and points the parameter there. On failure nothing
 * stays mapped.
 */
static TEE_Result map_refs(struct ta_instance *ta, u32 types,
			   TEE_Param params[4], const struct ta_memref *refs,
			   u64 mapped[4])
{
	unsigned i, k;

	for (i = 0; i < 4; i++) {
		const struct ta_memref *r = refs ? &refs[i] : NULL;
		u64 base = TA_MEMREF_VA + i * TA_MEMREF_WINDOW, total = 0;

		mapped[i] = 0;
		if (TEE_PARAM_TYPE_GET(types, i) < TEE_PARAM_TYPE_MEMREF_INPUT)
			continue;
		if (!r || !r->ranges)
			goto refused;
		for (k = 0; k < r->count; k++)
			total += (u64)r->ranges[k].pages << PAGE_SHIFT;
		/* a memref past the memory given is refused before the TA
		 * runs, and so is one larger than its window */
		if (r->offset > total || r->size > total - r->offset ||
		    total > TA_MEMREF_WINDOW)
			goto refused;
		for (k = 0; k < r->count; k++) {
			u64 n = (u64)r->ranges[k].pages << PAGE_SHIFT;

			if (tos_mmu_space_map_ns(&ta->space, base + mapped[i],
						 r->ranges[k].base.pa, n)) {
				unmap_refs(ta, mapped);
				return TEE_ERROR_OUT_OF_MEMORY;
			}
			mapped[i] += n;
		}
		params[i].memref.buffer = (void *)(base + r->offset);
		params[i].memref.size = r->size;
	}
	return TEE_SUCCESS;
refused:
	unmap_refs(ta, mapped);
	return TEE_ERROR_BAD_PARAMETERS;
}

/* GP parameter types: four nibbles, each none, a value or a memref. */
static bool types_valid(u32 types)
{
	unsigned i;

	if (types >> 16)
		return false;
	for (i = 0; i < 4; i++) {
		u32 t = TEE_PARAM_TYPE_GET(types, i);

		if (t == 4 || t > TEE_PARAM_TYPE_MEMREF_INOUT)
			return false;
	}
	return true;
}

/* One entry with its memory references mapped for exactly that entry. */
static TEE_Result run_refs(struct ta_instance *ta, u64 op, u64 *context,
			   u32 cmd, u32 types, TEE_Param params[4],
			   const struct ta_memref *refs)
{
	u64 mapped[4] = { 0, 0, 0, 0 };
	TEE_Result res;

	if (!types_valid(types))
		return TEE_ERROR_BAD_PARAMETERS;
	/* memref types (5-7) alone have bit 2 of their nibble set */
	if (!(types & 0x4444))
		return run(ta, op, context, cmd, types, params);
	res = map_refs(ta, types, params, refs, mapped);
	if (res)
		return res;
	res = run(ta, op, context, cmd, types, params);
	/* whatever happened, the TA keeps nothing of it */
	unmap_refs(ta, mapped);
	return res;
}

TEE_Result ta_open(u16 owner, const u32 uuid[4], u32 types, TEE_Param params[4],
		   const struct ta_memref refs[4], u32 *session)
{
	const struct ta_image *img = find_image(uuid);
	struct ta_instance *ta;
	struct session *s = NULL;
	TEE_Result res;
	u64 ctx = 0;
	unsigned i;

	/* before the lookup, so a VM held to some TAs cannot probe for others
	 */
	if (!tos_ta_may_open(owner, uuid))
		return TEE_ERROR_ACCESS_DENIED;
	if (!img)
		return TEE_ERROR_ITEM_NOT_FOUND;
	if (owner != 0) {
		unsigned n, k;

		ta_count(owner, &n, &k);
		if (n >= GUEST_SESSIONS_MAX)
			return TEE_ERROR_OUT_OF_MEMORY;
		for (i = 0; i < TA_INSTANCES; i++)
			if (instances[i].image == img &&
			    instances[i].owner == owner && !instances[i].dead)
				k = 0; /* it has one of img already */
		if (k >= GUEST_INSTANCES_MAX)
			return TEE_ERROR_OUT_OF_MEMORY;
	}
	for (i = 0; i < SESSIONS && !s; i++)
		if (!sessions[i].ta)
			s = &sessions[i];
	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	ta = instance_of(img, owner);
	if (!ta)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = run_refs(ta, TA_OP_OPEN, &ctx, 0, types, params, refs);
	if (res != TEE_SUCCESS) {
		/* a refused open takes nothing away: an instance that keeps
		 * its state (keys, a counter) stays, as when a session closes
		 */
		if (!ta->sessions && (ta->dead || !ta->image->keep_alive))
			release(ta);
		return res;
	}
	s->ta = ta;
	s->owner = owner;
	s->context = ctx;
	ta->sessions++;
	*session = (u32)(s - sessions) + 1;
	return TEE_SUCCESS;
}

/* Session id of owner: another endpoint's session is no session to it. */
static struct session *session_of(u16 owner, u32 id)
{
	if (id == 0 || id > SESSIONS || !sessions[id - 1].ta ||
	    sessions[id - 1].owner != owner)
		return NULL;
	return &sessions[id - 1];
}

TEE_Result ta_invoke(u16 owner, u32 session, u32 cmd, u32 types,
		     TEE_Param params[4], const struct ta_memref refs[4])
{
	struct session *s = session_of(owner, session);

	if (!s)
		return TEE_ERROR_BAD_PARAMETERS;
	return run_refs(s->ta, TA_OP_INVOKE, &s->context, cmd, types, params,
			refs);
}

/* Closes s; its instance goes too if nothing keeps it. */
static void session_end(struct session *s)
{
	struct ta_instance *ta = s->ta;
	TEE_Param none[4];

	memset(none, 0, sizeof(none));
	run(ta, TA_OP_CLOSE, &s->context, 0, 0, none);
	s->ta = NULL;
	if (--ta->sessions == 0 && (ta->dead || !ta->image->keep_alive)) {
		run(ta, TA_OP_DESTROY, &s->context, 0, 0, none);
		release(ta);
	}
}

TEE_Result ta_close(u16 owner, u32 session)
{
	struct session *s = session_of(owner, session);

	if (!s)
		return TEE_ERROR_BAD_PARAMETERS;
	session_end(s);
	return TEE_SUCCESS;
}

void ta_count(u16 owner, unsigned *nsessions, unsigned *ninstances)
{
	unsigned i;

	*nsessions = *ninstances = 0;
	for (i = 0; i < SESSIONS; i++)
		*nsessions += sessions[i].ta && sessions[i].owner == owner;
	for (i = 0; i < TA_INSTANCES; i++)
		*ninstances +=
			instances[i].image && instances[i].owner == owner;
}

void ta_release_owner(u16 owner, unsigned *nsessions, unsigned *ninstances)
{
	TEE_Param none[4];
	unsigned i;
	u64 ctx = 0;

	ta_count(owner, nsessions, ninstances);
	for (i = 0; i < SESSIONS; i++)
		if (sessions[i].ta && sessions[i].owner == owner)
			session_end(&sessions[i]);
	/* what outlived its sessions (a key store's keys) goes with them */
	memset(none, 0, sizeof(none));
	for (i = 0; i < TA_INSTANCES; i++)
		if (instances[i].image && instances[i].owner == owner) {
			run(&instances[i], TA_OP_DESTROY, &ctx, 0, 0, none);
			release(&instances[i]);
		}
}
