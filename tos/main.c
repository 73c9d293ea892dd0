/* A small trusted OS at S-EL1: its own MMU, a message loop, test services. */
#include "arch/aarch64/ffa_smc.h"
#include "arch/aarch64/sysreg.h"
#include "lib/fmt.h"
#include "lib/log.h"
#include "lib/smccc.h"
#include "tos/mem.h"
#include "tos/mmu.h"
#include "tos/msg.h"
#include "tos/tos.h"

void tos_main(void);
void tos_exception(u64 esr, u64 elr, u64 far);

static u16 self_id;
static u32 served;

/* Log lines go to the SPMC by FFA_CONSOLE_LOG, 48 characters a call. */
static char con[48];
static unsigned con_len;

static void con_flush(void)
{
	struct ffa_value a = { { FFA_CONSOLE_LOG_64, con_len } };
	unsigned i;

	for (i = 0; i < con_len; i++)
		a.x[2 + i / 8] |= (u64)(u8)con[i] << (8 * (i % 8));
	if (con_len)
		ffa_smc(a);
	con_len = 0;
}

static void con_putc(char c)
{
	con[con_len++] = c;
	if (c == '\n' || con_len == sizeof(con))
		con_flush();
}

void tos_exception(u64 esr, u64 elr, u64 far)
{
	struct ffa_value a =
		ffa_value8(FFA_ERROR, 0, (u32)FFA_ABORTED, 0, 0, 0, 0, 0);

	log_printf("fatal exception: ESR 0x%llx ELR 0x%llx FAR 0x%llx\n",
		   (unsigned long long)esr, (unsigned long long)elr,
		   (unsigned long long)far);
	for (;;)
		ffa_smc(a);
}

static struct ffa_value reply(const struct ffa_value *req)
{
	bool wide = ffa_is_64((u32)req->x[0]);

	return ffa_value8(wide ? FFA_MSG_SEND_DIRECT_RESP_64
			       : FFA_MSG_SEND_DIRECT_RESP_32,
			  (u64)self_id << 16 | (u16)(req->x[1] >> 16), 0, 0, 0,
			  0, 0, 0);
}

static void cmd_call(struct ffa_value *r, u64 target)
{
	struct ffa_value a = { { FFA_MSG_SEND_DIRECT_REQ_32,
				 (u64)self_id << 16 | (u16)target, 0,
				 TOS_CMD_PING } };
	struct ffa_value b = ffa_smc(a);

	if (b.x[0] != FFA_MSG_SEND_DIRECT_RESP_32) {
		r->x[3] = TOS_ERR_CALL_FAILED;
		r->x[4] = b.x[0];
		r->x[5] = b.x[2];
		return;
	}
	r->x[4] = b.x[4];
	r->x[5] = b.x[5];
}

static void cmd_probe(struct ffa_value *r, const struct ffa_value *req)
{
#ifdef TOS_PROBE
	volatile u64 *p = (volatile u64 *)req->x[4];
	struct ffa_value off = { { PSCI_SYSTEM_OFF } };

	switch (req->x[3]) {
	case TOS_CMD_READ:
		log_printf("probe: reading 0x%llx\n",
			   (unsigned long long)req->x[4]);
		r->x[4] = *p;
		return;
	case TOS_CMD_WRITE:
		log_printf("probe: writing 0x%llx\n",
			   (unsigned long long)req->x[4]);
		*p = req->x[5];
		return;
	case TOS_CMD_BAD_CALL:
		log_printf("probe: calling PSCI SYSTEM_OFF\n");
		ffa_smc(off);
		return;
	case TOS_CMD_UNDEF:
		log_printf("probe: executing an undefined instruction\n");
		__asm__ volatile("udf #0");
		return;
	}
#else
	(void)req;
#endif
	r->x[3] = TOS_ERR_UNKNOWN_CMD;
}

static struct ffa_value serve(const struct ffa_value *req)
{
	struct ffa_value r = reply(req);
	bool wide = ffa_is_64((u32)req->x[0]);

	served++;
	switch ((u32)req->x[3]) {
	case TOS_CMD_PING:
		r.x[4] = self_id;
		r.x[5] = TOS_MAGIC;
		r.x[6] = served;
		break;
	case TOS_CMD_ADD:
		r.x[4] = wide ? req->x[4] + req->x[5]
			      : (u32)(req->x[4] + req->x[5]);
		break;
	case TOS_CMD_CALL:
		cmd_call(&r, req->x[4]);
		break;
	case TOS_CMD_MEM_USE:
		tos_mem_use(&r, (u32)req->x[4] | (u64)(u32)req->x[5] << 32,
			    (u16)req->x[6], self_id,
			    !(req->x[7] & TOS_MEM_MAP_ONLY));
		break;
	case TOS_CMD_NOTIF_BIND:
	case TOS_CMD_NOTIF_SET:
	case TOS_CMD_NOTIF_GET:
		tos_notif(&r, req, self_id);
		break;
	case TOS_CMD_MSG_READ:
		tos_msg_read(&r);
		break;
	case TOS_CMD_MSG_SEND:
		tos_msg_send(&r, (u16)req->x[4], req->x[5], self_id);
		break;
	case TOS_CMD_MEM_GIVE:
		tos_mem_give(&r, (u32)req->x[5], (u16)req->x[4], req->x[6],
			     self_id);
		break;
	case TOS_CMD_MEM_TAKE_BACK:
		tos_mem_take_back(&r, req->x[4]);
		break;
	case TOS_CMD_MEM_TOUCH:
		r.x[4] = tos_mem_touch();
		break;
	case TOS_CMD_MEM_DONE:
		tos_mem_done(&r, (u32)req->x[4] | (u64)(u32)req->x[5] << 32,
			     self_id);
		break;
	default:
		cmd_probe(&r, req);
		break;
	}
	return r;
}

void tos_main(void)
{
	struct ffa_value id = ffa_smc((struct ffa_value){ { FFA_ID_GET } });
	struct ffa_value msg = { { FFA_MSG_WAIT } };

	log_init("", con_putc);
	self_id = (u16)id.x[2];
	tos_mmu_init();
	/* descriptors in v1.1 layouts from now on */
	ffa_smc(ffa_value8(FFA_VERSION, FFA_VERSION_1_1, 0, 0, 0, 0, 0, 0));
	if (tos_mem_init())
		log_printf("cannot map RX/TX buffers: no memory sharing\n");
	log_printf("trusted OS up at S-EL1, partition 0x%04x, MMU on%s\n",
		   self_id,
#ifdef TOS_PROBE
		   " (probe build)"
#else
		   ""
#endif
	);
	msg = ffa_smc(msg);
	for (;;) {
		switch ((u32)msg.x[0]) {
		case FFA_MSG_SEND_DIRECT_REQ_32:
		case FFA_MSG_SEND_DIRECT_REQ_64:
			msg = serve(&msg);
			msg = ffa_smc(msg);
			break;
		default:
			/* FFA_RUN or anything unexpected: back to waiting */
			msg = ffa_smc((struct ffa_value){ { FFA_MSG_WAIT } });
			break;
		}
	}
}
