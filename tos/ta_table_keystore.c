/* The key-store TEE build carries one TA: the key store. */
#include "tos/ta.h"
#include "tos/ta/keystore_ta.h"

/* tos/ta_images.S */
extern const u8 ta_keystore_start[], ta_keystore_end[];

const struct ta_image ta_images[] = {
	{ { KEYSTORE_TA_UUID },
	  "keystore",
	  ta_keystore_start,
	  ta_keystore_end,
	  true },
};
const unsigned ta_image_count = sizeof(ta_images) / sizeof(ta_images[0]);
