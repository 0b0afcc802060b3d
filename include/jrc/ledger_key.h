/* The ledger key: the secret that keys the event chain (HMAC-SHA256).  It
 * lives in a file outside the database, so that someone who can write the
 * database cannot recompute the chain.  Its path comes from the build
 * (--with-ledger-key) or JRC_LEDGER_KEY, never from the database. */
#ifndef JRC_LEDGER_KEY_H
#define JRC_LEDGER_KEY_H

#include <stddef.h>
#include "jrc/status.h"

enum { JRC_LEDGER_KEY_SIZE = 32 };

/* Where the key is: $JRC_LEDGER_KEY if set and not empty, else the
 * configure-time default. */
const char *ledger_key_path(void);

/* Make a new random key at path (mode 0400, or 0440 with group_read),
 * creating its folder (0750) if missing.  An existing readable key is kept
 * (*created 0); one that cannot be read is JRC_E_IO with a sentence. */
jrc_status ledger_key_create(const char *path, int group_read, int *created, jrc_err *err);

/* Read the key at path.  JRC_E_IO with a sentence naming the path when it
 * is missing, unreadable, malformed, or open to other users. */
jrc_status ledger_key_load(const char *path, unsigned char key[JRC_LEDGER_KEY_SIZE],
			   jrc_err *err);

#endif
