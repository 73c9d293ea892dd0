/* Read-only flattened device tree (DTB) access that trusts nothing in it. */
#ifndef LIB_FDT_H
#define LIB_FDT_H

#include "lib/types.h"

#define FDT_ERR_BADMAGIC (-1)
#define FDT_ERR_BADVERSION (-2)
#define FDT_ERR_TRUNCATED (-3)
#define FDT_ERR_BADLAYOUT (-4)
#define FDT_ERR_BADSTRUCTURE (-5)
#define FDT_ERR_NOTFOUND (-6)

/* Checks the header and block bounds against size. 0 or FDT_ERR_*. */
int fdt_check(const void *blob, size_t size);

/*
 * Nodes are named by their offset in the structure block; the root is 0.
 * Every call below expects a blob that passed fdt_check and still checks
 * every offset it follows.
 */
int fdt_first_child(const void *blob, int node);
int fdt_next_sibling(const void *blob, int node);
const char *fdt_node_name(const void *blob, int node);
/* "/a/b": each component matches a name exactly, or its part before '@'. */
int fdt_path_offset(const void *blob, const char *path);

const void *fdt_prop(const void *blob, int node, const char *name, u32 *len);
bool fdt_prop_u32(const void *blob, int node, const char *name, u32 *out);
/* One cell or two (high, low). */
bool fdt_prop_u64(const void *blob, int node, const char *name, u64 *out);
/* Number of cells read into out (at most max), or FDT_ERR_*. */
int fdt_prop_u32_array(const void *blob, int node, const char *name, u32 *out,
		       int max);
/* The property as a string, if it is NUL-terminated within itself. */
const char *fdt_prop_string(const void *blob, int node, const char *name);

#endif
