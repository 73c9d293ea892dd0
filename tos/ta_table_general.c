/* The TAs of the general TEE build: test, key store, counter. */
#include "tos/ta.h"
#include "tos/ta/counter_ta.h"
#include "tos/ta/hello.h"
#include "tos/ta/keystore_ta.h"

/* tos/ta_images.S */
extern const u8 ta_hello_start[], ta_hello_end[];
extern const u8 ta_keystore_start[], ta_keystore_end[];
extern const u8 ta_counter_start[], ta_counter_end[];

const struct ta_image ta_images[] = {
	{ { HELLO_UUID }, "hello", ta_hello_start, ta_hello_end, false },
	{ { KEYSTORE_TA_UUID },
	  "keystore",
	  ta_keystore_start,
	  ta_keystore_end,
	  true },
	{ { COUNTER_TA_UUID },
	  "counter",
	  ta_counter_start,
	  ta_counter_end,
	  true },
};
const unsigned ta_image_count = sizeof(ta_images) / sizeof(ta_images[0]);
