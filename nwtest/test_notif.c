/* Notifications and indirect messages between the normal world and partitions.
 */
#include "lib/string.h"
#include "nwtest/nwtest.h"
#include "tos/tos.h"

#define MSG_HDR_SIZE 20

static void put32(u8 *p, u32 v)
{
	memcpy(p, &v, 4);
}

static u32 get32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, 4);
	return v;
}

/* A message of size bytes (i + 1 at byte i) to receiver, in our TX. */
static void message(u16 to, u32 size)
{
	u32 i;

	memset(nw_tx, 0, MSG_HDR_SIZE);
	put32(nw_tx + 8, MSG_HDR_SIZE);
	put32(nw_tx + 12, to);
	put32(nw_tx + 16, size);
	for (i = 0; i < size; i++)
		nw_tx[MSG_HDR_SIZE + i] = (u8)(i + 1);
}

static void notifications(void)
{
	struct ffa_value r;

	check_success(nw_call(FFA_NOTIFICATION_BITMAP_CREATE, 0, 1, 0, 0, 0),
		      "notifications: our bitmap created");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_NOTIF_BIND, 0, BIT(3), 0).x[4], 0,
		 "notifications: alpha binds bit 3 to us");
	check_success(nw_call(FFA_NOTIFICATION_SET, ALPHA_ID, 0, BIT(3), 0, 0),
		      "notifications: we set alpha's bit 3");
	check_error(nw_call(FFA_NOTIFICATION_SET, ALPHA_ID, 0, BIT(4), 0, 0),
		    FFA_DENIED, "notifications: an unbound bit is DENIED");
	check_error(nw_call(FFA_NOTIFICATION_SET, 1u << 16 | ALPHA_ID, 0,
			    BIT(3), 0, 0),
		    FFA_INVALID_PARAMETERS,
		    "notifications: a forged sender is refused");
	r = nw_call(FFA_NOTIFICATION_INFO_GET_64, 0, 0, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64, "notifications: INFO_GET answers");
	CHECK_EQ(r.x[2], 1u << 7, "notifications: ... one list of one ID");
	CHECK_EQ(r.x[3] & 0xffff, ALPHA_ID, "notifications: ... alpha");
	check_error(nw_call(FFA_NOTIFICATION_INFO_GET_64, 0, 0, 0, 0, 0),
		    FFA_NO_DATA, "notifications: nothing new: NO_DATA");
	r = nw_tos(ALPHA_ID, TOS_CMD_NOTIF_GET, 0, 0, 0);
	CHECK_EQ(r.x[5], BIT(3), "notifications: alpha gets bit 3 from us");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_NOTIF_GET, 0, 0, 0).x[5], 0,
		 "notifications: ... once");

	check_success(nw_call(FFA_NOTIFICATION_BIND, (u64)ALPHA_ID << 16, 0,
			      BIT(7), 0, 0),
		      "notifications: we bind bit 7 to alpha");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_NOTIF_SET, 0, BIT(7), 0).x[4], 0,
		 "notifications: alpha notifies us");
	CHECK_EQ((s32)nw_tos(BETA_ID, TOS_CMD_NOTIF_SET, 0, BIT(7), 0).x[4],
		 FFA_DENIED, "notifications: beta may not set alpha's bit");
	r = nw_call(FFA_NOTIFICATION_GET, 0, 1, 0, 0, 0);
	CHECK_EQ(r.x[2], BIT(7), "notifications: we get bit 7 from alpha");
	check_success(nw_call(FFA_NOTIFICATION_UNBIND, (u64)ALPHA_ID << 16, 0,
			      BIT(7), 0, 0),
		      "notifications: unbind");
	CHECK_EQ((s32)nw_tos(ALPHA_ID, TOS_CMD_NOTIF_SET, 0, BIT(7), 0).x[4],
		 FFA_DENIED, "notifications: an unbound bit cannot be set");
}

static void indirect_messages(void)
{
	struct ffa_value r;

	message(ALPHA_ID, 64);
	check_success(nw_call(FFA_MSG_SEND2, 0, 0, 0, 0, 0),
		      "MSG_SEND2: 64 bytes to alpha");
	message(ALPHA_ID, 8);
	check_error(nw_call(FFA_MSG_SEND2, 0, 0, 0, 0, 0), FFA_BUSY,
		    "MSG_SEND2: alpha's RX is full: BUSY, not an overwrite");
	r = nw_tos(ALPHA_ID, TOS_CMD_NOTIF_GET, 0, 0, 0);
	CHECK_EQ(r.x[6], 1, "MSG_SEND2: alpha told by 'RX buffer full'");
	r = nw_tos(ALPHA_ID, TOS_CMD_MSG_READ, 0, 0, 0);
	CHECK_EQ(r.x[4], 0, "MSG_SEND2: alpha reads a message from us");
	CHECK_EQ(r.x[5], 64, "MSG_SEND2: ... of 64 bytes");
	CHECK_EQ(r.x[6], 0x0807060504030201ULL, "MSG_SEND2: ... intact");
	CHECK_EQ(r.x[7], 0, "MSG_SEND2: ... and releases its RX");

	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MSG_SEND, BETA_ID, 0xabcdef, 0).x[4],
		 0, "MSG_SEND2: alpha to beta");
	r = nw_tos(BETA_ID, TOS_CMD_MSG_READ, 0, 0, 0);
	CHECK_EQ(r.x[4], ALPHA_ID, "MSG_SEND2: beta reads alpha's message");
	CHECK_EQ(r.x[6], 0xabcdef, "MSG_SEND2: ... intact");

	check_success(nw_call(FFA_RX_ACQUIRE, 0, 0, 0, 0, 0),
		      "RX_ACQUIRE: we hold our RX");
	CHECK_EQ((s32)nw_tos(ALPHA_ID, TOS_CMD_MSG_SEND, 0, 7, 0).x[4],
		 FFA_BUSY, "MSG_SEND2: to us while we hold RX: BUSY");
	check_success(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0),
		      "RX_RELEASE after RX_ACQUIRE");
	CHECK_EQ(nw_tos(ALPHA_ID, TOS_CMD_MSG_SEND, 0, 0x1234, 0).x[4], 0,
		 "MSG_SEND2: alpha to us");
	CHECK_EQ(get32(nw_rx + 12), (u32)ALPHA_ID << 16,
		 "MSG_SEND2: from alpha to us in our RX");
	CHECK_EQ(get32(nw_rx + MSG_HDR_SIZE), 0x1234,
		 "MSG_SEND2: ... with its payload");
	r = nw_call(FFA_NOTIFICATION_GET, 0, 4, 0, 0, 0);
	CHECK_EQ(r.x[6], 1, "MSG_SEND2: we are told by 'RX buffer full'");
	check_success(nw_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0), "RX_RELEASE");

	message(0x8009, 8);
	check_error(nw_call(FFA_MSG_SEND2, 0, 0, 0, 0, 0),
		    FFA_INVALID_PARAMETERS, "MSG_SEND2 to nobody");
	message(ALPHA_ID, 4096);
	check_error(nw_call(FFA_MSG_SEND2, 0, 0, 0, 0, 0),
		    FFA_INVALID_PARAMETERS, "MSG_SEND2 longer than TX");
	check_success(nw_call(FFA_NOTIFICATION_BITMAP_DESTROY, 0, 0, 0, 0, 0),
		      "notifications: our bitmap destroyed");
}

void test_notifications(void)
{
	notifications();
	indirect_messages();
}
