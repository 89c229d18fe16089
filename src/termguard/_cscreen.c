/*
 * termguard._cscreen: the term screen's block pass in C (optional; `termguard.screen`
 * falls back to the same pass in Python when this module is not built).
 *
 * The screen clears the PO entries of a large file that no term rule can fault. In Python
 * it costs a regular expression match with eight groups per entry, a fold and a blanking
 * of the joined texts, and a few C-level loops over columns of automaton hits: about
 * eight microseconds an entry. Here one pass over the block's characters splits the rows,
 * decodes the strings, folds them through per-language tables and runs an Aho-Corasick
 * automaton of its own over each text, reading every hit through the same per-slot
 * tables as the Python fast pass (`termguard.morph.fast`). Pairs it cannot clear go back
 * to Python with their decoded texts, to the exact screen; rows it cannot read as simple
 * rows go to the full reader.
 *
 * A block is read in two parts. `Screen.gather` works on the block's UTF-8 bytes without
 * the GIL (no Python object, raw memory only): rows, decoding, folding, the automata, and
 * the judging of every pair whose tests need no Python object; it runs on a second thread
 * while Python checks the entries of the block before. `Screen.finish`, with the GIL,
 * judges the other pairs (their tests are on Python objects: spellings, key tests,
 * candidates, facts not known yet) and builds the results.
 *
 * The rules it follows are those of `termguard.screen` and `termguard.morph.fast`; the
 * tests run both and compare (`tests/morph/test_native_screen.py`).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <marshal.h>
#include <stdint.h>
#include <string.h>

/* Slot classes and evidence codes: `termguard.morph.fast`. */
#define POISON (-1)
#define NEUTRAL (-2)
#define MULTI (-3)
#define REJECT (-4)
#define CANDIDATES (-5)
#define LITERAL_EXACT 2
#define SIMPLE 1
#define EXACT 2
#define SLOW 3

#define BMP 65536

/* ------------------------------------------------------------------------------------ */
/* Growable int32 arrays (scratch space reused from pair to pair).                       */

typedef struct {
    int32_t *v;
    Py_ssize_t n, cap;
} IntVec;

static int
vec_push(IntVec *a, int32_t x)
{
    if (a->n == a->cap) {
        Py_ssize_t cap = a->cap ? a->cap * 2 : 64;
        /* (raw memory, no exception set: the block pass fills these without the GIL; the
         * entry points raise MemoryError) */
        int32_t *v = PyMem_RawRealloc(a->v, cap * sizeof(int32_t));
        if (v == NULL)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return 0;
}

static int
vec_has(const IntVec *a, int32_t x)
{
    for (Py_ssize_t i = 0; i < a->n; i++)
        if (a->v[i] == x)
            return 1;
    return 0;
}

static void
vec_free(IntVec *a)
{
    PyMem_RawFree(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

/* Words walked from the node after a space, remembered.
 *
 * Keys of whole words (all of a matcher's) start with a space, so the automaton is in
 * that node (`spaced`) at the start of every word it is not inside a multi-word key of.
 * From there, a word and the space after it always lead to the same state with the same
 * outputs: a function of the word alone, remembered the first time the word is walked
 * (one hash probe instead of a step, and a likely cache miss in a big trie, per
 * character: words of a text repeat). Words the node has no child for never get here
 * (its dense table tells at once); words longer than MEMO_WORD or with a character
 * outside the BMP, and words met once the memo is full, are walked as before. (Words
 * walked from deeper states, inside multi-word keys, are not remembered: measured, the
 * larger memo costs more than it saves.) */
#define MEMO_WORD 23
#define MEMO_MAX_SLOTS (1 << 19)

struct MemoSlot {    /* one cache line: a probe that finds its word reads nothing else */
    uint32_t hash;   /* 0: empty */
    int32_t state;   /* the state after the word and the space after it */
    int32_t emits;   /* its outputs: memo->emits[emits:emits + 2 * nemits], (offset, slot) */
    int32_t nemits;
    uint16_t len;
    uint16_t chars[MEMO_WORD];
};
_Static_assert(sizeof(struct MemoSlot) == 64, "a memo slot is one cache line");

struct Memo {
    struct MemoSlot *slots;  /* aligned to a cache line within `block` */
    void *block;
    Py_ssize_t cap, used;
    IntVec emits;
};

static void
memo_free(struct Memo *m)
{
    if (m == NULL)
        return;
    PyMem_RawFree(m->block);
    vec_free(&m->emits);
    PyMem_RawFree(m);
}

/* ------------------------------------------------------------------------------------ */
/* Automaton: Aho-Corasick over code points, keys numbered by their position (the slot). */

typedef struct {
    PyObject_HEAD
    Py_ssize_t nnodes;
    Py_ssize_t nkeys;
    uint32_t *ch;     /* the character on the edge into each node */
    int32_t *cfirst;  /* first child (children are numbered contiguously, sorted by char) */
    int32_t *ccount;
    int32_t *fail;
    int32_t *out;     /* the slot of the key ending here, or -1 */
    int32_t *dict;    /* the next node with an output along the failure chain, or -1 */
    int32_t *root;    /* the root's child for each BMP character, or -1 */
    uint8_t *alpha;   /* BMP characters some key holds (but the space) */
    struct Node *node; /* what a search step reads of a node, together (one cache line) */
    int32_t spaced;   /* the root's child for a space (where every word of a padded text
                         starts, and the node with the most children), or -1 */
    int32_t *after_space; /* that node's child for each BMP character, or -1 */
    struct Memo *memo; /* words already walked from `spaced` (see `struct Memo`), or NULL */
} Automaton;

/* A node as the search reads it: its children, its failure link, and the first node with
 * an output along its output chain (itself, or `dict`), or -1. (The arrays above are what
 * is built, dumped and checked; this is derived from them: a step of a search through a
 * 10,000-term trie then costs one cache miss instead of five.) */
struct Node {
    int32_t cfirst, ccount, fail, emit;
};

static inline int32_t
child(const Automaton *a, int32_t s, uint32_t c)
{
    if (c < BMP) {
        if (s == 0)
            return a->root[c];
        if (s == a->spaced)
            return a->after_space[c];
    }
    int32_t lo = a->node[s].cfirst, hi = lo + a->node[s].ccount;
    while (hi - lo > 8) {
        int32_t mid = (lo + hi) / 2;
        if (a->ch[mid] <= c)
            lo = mid;
        else
            hi = mid;
    }
    for (int32_t i = lo; i < hi; i++)
        if (a->ch[i] == c)
            return i;
    return -1;
}

static void
automaton_dealloc(Automaton *a)
{
    PyMem_Free(a->ch);
    PyMem_Free(a->cfirst);
    PyMem_Free(a->ccount);
    PyMem_Free(a->fail);
    PyMem_Free(a->out);
    PyMem_Free(a->dict);
    PyMem_Free(a->root);
    PyMem_Free(a->alpha);
    PyMem_Free(a->node);
    PyMem_Free(a->after_space);
    memo_free(a->memo);
    Py_TYPE(a)->tp_free((PyObject *)a);
}

/* The root's transitions for BMP characters, and which characters some key holds; the
 * same dense table for the node after a space. 0, or -1 with MemoryError. */
static int
root_tables(Automaton *a)
{
    for (Py_ssize_t c = 0; c < BMP; c++)
        a->root[c] = -1;
    memset(a->alpha, 0, BMP);
    for (int32_t i = a->cfirst[0]; i < a->cfirst[0] + a->ccount[0]; i++)
        if (a->ch[i] < BMP)
            a->root[a->ch[i]] = i;
    for (Py_ssize_t i = 1; i < a->nnodes; i++)
        if (a->ch[i] < BMP && a->ch[i] != ' ')
            a->alpha[a->ch[i]] = 1;
    a->spaced = a->root[' '];
    if (a->spaced < 0)
        return 0;
    a->after_space = PyMem_Malloc(BMP * sizeof(int32_t));
    if (a->after_space == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t c = 0; c < BMP; c++)
        a->after_space[c] = -1;
    int32_t first = a->cfirst[a->spaced];
    for (int32_t i = first; i < first + a->ccount[a->spaced]; i++)
        if (a->ch[i] < BMP)
            a->after_space[a->ch[i]] = i;
    a->memo = PyMem_RawCalloc(1, sizeof(struct Memo));
    if (a->memo == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

/* Build the trie with a hash of (parent, char) -> node, then number the nodes breadth
 * first so that each node's children are contiguous and sorted (a binary search finds a
 * transition without a hash), and compute the failure and output links in that order. */
static int
automaton_build(Automaton *a, PyObject *keys)
{
    Py_ssize_t nkeys = PyList_GET_SIZE(keys);
    Py_ssize_t total = 1;
    for (Py_ssize_t k = 0; k < nkeys; k++) {
        PyObject *key = PyList_GET_ITEM(keys, k);
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "automaton keys must be str");
            return -1;
        }
        total += PyUnicode_GET_LENGTH(key);
    }
    if (total >= INT32_MAX / 4) {
        PyErr_SetString(PyExc_ValueError, "too many automaton keys");
        return -1;
    }
    Py_ssize_t hsize = 1024;
    while (hsize < total * 2)
        hsize <<= 1;
    uint64_t *hkey = PyMem_Calloc(hsize, sizeof(uint64_t)); /* 0: empty; else (parent+1)<<21|ch */
    int32_t *hval = PyMem_Malloc(hsize * sizeof(int32_t));
    uint32_t *tch = PyMem_Malloc(total * sizeof(uint32_t));
    int32_t *tparent = PyMem_Malloc(total * sizeof(int32_t));
    int32_t *tfirst = PyMem_Malloc(total * sizeof(int32_t));
    int32_t *tnext = PyMem_Malloc(total * sizeof(int32_t));
    int32_t *tout = PyMem_Malloc(total * sizeof(int32_t));
    int32_t *order = NULL, *newid = NULL;
    int ok = -1;
    if (!hkey || !hval || !tch || !tparent || !tfirst || !tnext || !tout) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t n = 1;
    tch[0] = 0;
    tparent[0] = -1;
    tfirst[0] = -1;
    tnext[0] = -1;
    tout[0] = -1;
    for (Py_ssize_t k = 0; k < nkeys; k++) {
        PyObject *key = PyList_GET_ITEM(keys, k);
        int kind = PyUnicode_KIND(key);
        const void *data = PyUnicode_DATA(key);
        Py_ssize_t len = PyUnicode_GET_LENGTH(key);
        int32_t s = 0;
        for (Py_ssize_t i = 0; i < len; i++) {
            uint32_t c = PyUnicode_READ(kind, data, i);
            uint64_t hk = ((uint64_t)(s + 1) << 21) | c;
            uint64_t h = (hk * 0x9E3779B97F4A7C15ULL) >> 20;
            Py_ssize_t slot = (Py_ssize_t)(h & (hsize - 1));
            while (hkey[slot] != 0 && hkey[slot] != hk)
                slot = (slot + 1) & (hsize - 1);
            if (hkey[slot] == hk) {
                s = hval[slot];
                continue;
            }
            hkey[slot] = hk;
            hval[slot] = (int32_t)n;
            tch[n] = c;
            tparent[n] = s;
            tfirst[n] = -1;
            tout[n] = -1;
            tnext[n] = tfirst[s];
            tfirst[s] = (int32_t)n;
            s = (int32_t)n++;
        }
        if (len > 0)
            tout[s] = (int32_t)k;
    }
    PyMem_Free(hkey);
    hkey = NULL;
    PyMem_Free(hval);
    hval = NULL;

    a->nnodes = n;
    a->nkeys = nkeys;
    a->ch = PyMem_Malloc(n * sizeof(uint32_t));
    a->cfirst = PyMem_Malloc(n * sizeof(int32_t));
    a->ccount = PyMem_Malloc(n * sizeof(int32_t));
    a->fail = PyMem_Malloc(n * sizeof(int32_t));
    a->out = PyMem_Malloc(n * sizeof(int32_t));
    a->dict = PyMem_Malloc(n * sizeof(int32_t));
    a->root = PyMem_Malloc(BMP * sizeof(int32_t));
    a->alpha = PyMem_Calloc(BMP, 1);
    a->node = PyMem_Malloc(n * sizeof(struct Node));
    order = PyMem_Malloc(n * sizeof(int32_t));  /* old id of each new id */
    newid = PyMem_Malloc(n * sizeof(int32_t));
    if (!a->ch || !a->cfirst || !a->ccount || !a->fail || !a->out || !a->dict || !a->root || !a->alpha || !a->node
        || !order || !newid) {
        PyErr_NoMemory();
        goto done;
    }
    /* Breadth-first numbering: the children of new node `i` get the next free ids. */
    order[0] = 0;
    newid[0] = 0;
    Py_ssize_t next = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        int32_t old = order[i];
        Py_ssize_t first = next;
        for (int32_t c = tfirst[old]; c != -1; c = tnext[c]) {
            order[next] = c;
            newid[c] = (int32_t)next;
            next++;
        }
        /* sort this node's children by character (insertion sort: most have one) */
        for (Py_ssize_t x = first + 1; x < next; x++) {
            int32_t v = order[x];
            Py_ssize_t y = x - 1;
            while (y >= first && tch[order[y]] > tch[v]) {
                order[y + 1] = order[y];
                newid[order[y + 1]] = (int32_t)(y + 1);
                y--;
            }
            order[y + 1] = v;
            newid[v] = (int32_t)(y + 1);
        }
        a->cfirst[i] = a->node[i].cfirst = (int32_t)first;
        a->ccount[i] = a->node[i].ccount = (int32_t)(next - first);
        a->ch[i] = tch[old];
        a->out[i] = tout[old];
    }
    a->spaced = -1;  /* (child() reads it while the failure links are computed) */
    if (root_tables(a) < 0)
        goto done;
    a->fail[0] = 0;
    a->dict[0] = -1;
    a->node[0].fail = 0;
    a->node[0].emit = a->out[0] >= 0 ? 0 : -1;
    for (Py_ssize_t i = 1; i < n; i++) {
        int32_t parent = newid[tparent[order[i]]];
        uint32_t c = a->ch[i];
        int32_t f;
        if (parent == 0) {
            f = 0;
        }
        else {
            int32_t s = a->fail[parent];
            for (;;) {
                int32_t t = child(a, s, c);
                if (t >= 0) {
                    f = t;
                    break;
                }
                if (s == 0) {
                    f = 0;
                    break;
                }
                s = a->fail[s];
            }
        }
        a->fail[i] = a->node[i].fail = f;
        a->dict[i] = a->out[f] >= 0 ? f : a->dict[f];
        a->node[i].emit = a->out[i] >= 0 ? (int32_t)i : a->dict[i];
    }
    ok = 0;
done:
    PyMem_Free(hkey);
    PyMem_Free(hval);
    PyMem_Free(tch);
    PyMem_Free(tparent);
    PyMem_Free(tfirst);
    PyMem_Free(tnext);
    PyMem_Free(tout);
    PyMem_Free(order);
    PyMem_Free(newid);
    return ok;
}

static PyObject *
automaton_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *keys;
    static char *kwlist[] = {"keys", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!:Automaton", kwlist, &PyList_Type, &keys))
        return NULL;
    Automaton *a = (Automaton *)type->tp_alloc(type, 0);
    if (a == NULL)
        return NULL;
    if (automaton_build(a, keys) < 0) {
        Py_DECREF(a);
        return NULL;
    }
    return (PyObject *)a;
}

/* The state after reading `c` in state `s`. */
static inline int32_t
step(const Automaton *a, int32_t s, uint32_t c)
{
    if (s == 0) {
        int32_t nx = c < BMP ? a->root[c] : child(a, 0, c);
        return nx < 0 ? 0 : nx;
    }
    for (;;) {
        int32_t nx = child(a, s, c);
        if (nx >= 0)
            return nx;
        if (s == 0)
            return 0;
        s = a->node[s].fail;
    }
}

/* The slot of word w[0:n] (BMP characters) with hash h: the word's, or the empty one it
 * would go in. */
static struct MemoSlot *
memo_find(const struct Memo *m, uint32_t h, const uint32_t *w, Py_ssize_t n)
{
    Py_ssize_t mask = m->cap - 1, i = (Py_ssize_t)(h & (uint32_t)mask);
    for (;;) {
        struct MemoSlot *e = &m->slots[i];
        if (e->hash == 0)
            return e;
        if (e->hash == h && e->len == n) {
            Py_ssize_t k = 0;
            while (k < n && e->chars[k] == w[k])
                k++;
            if (k == n)
                return e;
        }
        i = (i + 1) & mask;
    }
}

/* Room for one more word (the table kept at most half full): 1, or 0 when the memo is
 * full (or memory short: the memo is only a shortcut). */
static int
memo_room(struct Memo *m)
{
    if (2 * (m->used + 1) <= m->cap)
        return 1;
    Py_ssize_t cap = m->cap ? 2 * m->cap : 4096;
    if (cap > MEMO_MAX_SLOTS)
        return 0;
    void *block = PyMem_RawCalloc(cap + 1, sizeof(struct MemoSlot));
    if (block == NULL)
        return 0;
    struct MemoSlot *slots = (struct MemoSlot *)(((uintptr_t)block + 63) & ~(uintptr_t)63);
    for (Py_ssize_t i = 0; i < m->cap; i++) {
        if (m->slots[i].hash == 0)
            continue;
        Py_ssize_t j = (Py_ssize_t)(m->slots[i].hash & (uint32_t)(cap - 1));
        while (slots[j].hash != 0)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    PyMem_RawFree(m->block);
    m->block = block;
    m->slots = slots;
    m->cap = cap;
    return 1;
}

/* Every (last index, slot) of the keys in `t[0:m]`, appended to `pos`/`slots`; with
 * `remember`, through the memo of words. Only the screen's gathering remembers (one
 * gathering at a time: the memo is written without the GIL); searches from Python
 * (`iter`) leave the memo alone. */
static int
automaton_run(const Automaton *a, const uint32_t *t, Py_ssize_t m, IntVec *pos, IntVec *slots, int remember)
{
    int32_t s = 0;
    const int32_t *out = a->out, *dict = a->dict;
    const struct Node *node = a->node;
    struct Memo *memo = remember ? a->memo : NULL;
    for (Py_ssize_t i = 0; i < m; i++) {
        uint32_t c = t[i];
        if (s == a->spaced && memo != NULL && c < BMP && c != ' ' && a->after_space[c] >= 0) {
            /* a word, from the node after a space: remembered, or walked and remembered */
            uint32_t h = 0x811C9DC5u;
            Py_ssize_t j = i;
            while (j < m && t[j] != ' ' && t[j] < BMP && j - i < MEMO_WORD) {
                h = (h ^ t[j]) * 0x01000193u;
                j++;
            }
            if (j < m && t[j] == ' ') {
                Py_ssize_t n = j - i;
                h = h ? h : 1;
                struct MemoSlot *e = memo->cap ? memo_find(memo, h, t + i, n) : NULL;
                if (e == NULL || e->hash == 0) {
                    if (!memo_room(memo))
                        goto walk;
                    e = memo_find(memo, h, t + i, n); /* (the table may have grown) */
                    int32_t first = (int32_t)memo->emits.n, count = 0, at = s;
                    for (Py_ssize_t k = i; k <= j; k++) {
                        at = step(a, at, t[k]);
                        for (int32_t o = node[at].emit; o >= 0; o = dict[o], count++)
                            if (vec_push(&memo->emits, (int32_t)(k - i)) < 0 || vec_push(&memo->emits, out[o]) < 0)
                                return -1;
                    }
                    for (Py_ssize_t k = 0; k < n; k++)
                        e->chars[k] = (uint16_t)t[i + k];
                    e->len = (uint16_t)n;
                    e->state = at;
                    e->emits = first;
                    e->nemits = count;
                    e->hash = h;
                    memo->used++;
                }
                for (int32_t k = 0; k < e->nemits; k++) {
                    const int32_t *em = memo->emits.v + e->emits + 2 * k;
                    if (vec_push(pos, (int32_t)i + em[0]) < 0 || vec_push(slots, em[1]) < 0)
                        return -1;
                }
                s = e->state;
                i = j;
                continue;
            }
        }
    walk:
        s = step(a, s, c);
        if (s == 0)
            continue;
        int32_t o = node[s].emit;
        while (o >= 0) {
            if (vec_push(pos, (int32_t)i) < 0 || vec_push(slots, out[o]) < 0)
                return -1;
            o = dict[o];
        }
    }
    return 0;
}

static PyObject *
automaton_iter(Automaton *a, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "text must be str");
        return NULL;
    }
    Py_UCS4 *buf = PyUnicode_AsUCS4Copy(text);
    if (buf == NULL)
        return NULL;
    IntVec pos = {0}, slots = {0};
    PyObject *result = NULL;
    if (automaton_run(a, buf, PyUnicode_GET_LENGTH(text), &pos, &slots, 0) < 0)
        PyErr_NoMemory();
    else {
        result = PyList_New(pos.n);
        for (Py_ssize_t i = 0; result && i < pos.n; i++) {
            PyObject *item = Py_BuildValue("(ii)", pos.v[i], slots.v[i]);
            if (item == NULL) {
                Py_CLEAR(result);
                break;
            }
            PyList_SET_ITEM(result, i, item);
        }
    }
    PyMem_Free(buf);
    vec_free(&pos);
    vec_free(&slots);
    return result;
}

/* dump(): the node arrays, for the disk cache (native byte order; the magic number
 * tells a file of another layout or byte order). */
#define DUMP_MAGIC 0x74674163L  /* "cAgt" */
#define DUMP_HEAD (3 * sizeof(int64_t))

static PyObject *
automaton_dump(Automaton *a, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = a->nnodes;
    PyObject *b = PyBytes_FromStringAndSize(NULL, DUMP_HEAD + 6 * n * sizeof(int32_t));
    if (b == NULL)
        return NULL;
    char *p = PyBytes_AS_STRING(b);
    int64_t head[3] = {DUMP_MAGIC, (int64_t)n, (int64_t)a->nkeys};
    memcpy(p, head, DUMP_HEAD);
    p += DUMP_HEAD;
    const void *arrays[6] = {a->ch, a->cfirst, a->ccount, a->fail, a->out, a->dict};
    for (int k = 0; k < 6; k++) {
        memcpy(p, arrays[k], n * sizeof(int32_t));
        p += n * sizeof(int32_t);
    }
    return b;
}

/* Is a loaded trie one the search can walk: every index in range, children sorted,
 * failure and output links pointing to earlier (shallower) nodes, so every loop ends? */
static int
automaton_valid(const Automaton *a)
{
    Py_ssize_t n = a->nnodes;
    if (a->fail[0] != 0 || a->dict[0] != -1 || a->out[0] != -1)
        return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int32_t first = a->cfirst[i], count = a->ccount[i];
        if (a->ch[i] > 0x10FFFF || count < 0 || first < 0 || first > n - count)
            return 0;
        if (count > 0 && first <= i)
            return 0;
        for (int32_t j = first + 1; j < first + count; j++)
            if (a->ch[j - 1] >= a->ch[j])
                return 0;
        if (a->out[i] < -1 || a->out[i] >= a->nkeys)
            return 0;
        if (i > 0) {
            if (a->fail[i] < 0 || a->fail[i] >= i || a->dict[i] < -1 || a->dict[i] >= i)
                return 0;
            if (a->dict[i] >= 0 && a->out[a->dict[i]] < 0)
                return 0;
        }
    }
    return 1;
}

static PyObject *
automaton_load(PyTypeObject *type, PyObject *data)
{
    Py_buffer view;
    if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    Automaton *a = NULL;
    int64_t head[3] = {0, 0, 0};
    if ((size_t)view.len >= DUMP_HEAD)
        memcpy(head, view.buf, DUMP_HEAD);
    Py_ssize_t n = (Py_ssize_t)head[1];
    if (head[0] != DUMP_MAGIC || head[1] < 1 || head[1] >= INT32_MAX / 4 || head[2] < 0 || head[2] >= INT32_MAX
        || (size_t)view.len != DUMP_HEAD + 6 * (size_t)n * sizeof(int32_t)) {
        PyErr_SetString(PyExc_ValueError, "not a dumped automaton");
        goto fail;
    }
    a = (Automaton *)type->tp_alloc(type, 0);
    if (a == NULL)
        goto fail;
    a->nnodes = n;
    a->nkeys = (Py_ssize_t)head[2];
    a->ch = PyMem_Malloc(n * sizeof(uint32_t));
    a->cfirst = PyMem_Malloc(n * sizeof(int32_t));
    a->ccount = PyMem_Malloc(n * sizeof(int32_t));
    a->fail = PyMem_Malloc(n * sizeof(int32_t));
    a->out = PyMem_Malloc(n * sizeof(int32_t));
    a->dict = PyMem_Malloc(n * sizeof(int32_t));
    a->root = PyMem_Malloc(BMP * sizeof(int32_t));
    a->alpha = PyMem_Malloc(BMP);
    a->node = PyMem_Malloc(n * sizeof(struct Node));
    if (!a->ch || !a->cfirst || !a->ccount || !a->fail || !a->out || !a->dict || !a->root || !a->alpha || !a->node) {
        PyErr_NoMemory();
        goto fail;
    }
    const char *p = (const char *)view.buf + DUMP_HEAD;
    void *arrays[6] = {a->ch, a->cfirst, a->ccount, a->fail, a->out, a->dict};
    for (int k = 0; k < 6; k++) {
        memcpy(arrays[k], p, n * sizeof(int32_t));
        p += n * sizeof(int32_t);
    }
    if (!automaton_valid(a)) {
        PyErr_SetString(PyExc_ValueError, "not a dumped automaton");
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        a->node[i].cfirst = a->cfirst[i];
        a->node[i].ccount = a->ccount[i];
        a->node[i].fail = a->fail[i];
        a->node[i].emit = a->out[i] >= 0 ? (int32_t)i : a->dict[i];
    }
    a->spaced = -1;
    if (root_tables(a) < 0)
        goto fail;
    PyBuffer_Release(&view);
    return (PyObject *)a;
fail:
    Py_XDECREF(a);
    PyBuffer_Release(&view);
    return NULL;
}

static PyObject *
automaton_len(Automaton *a, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(a->nnodes);
}

static PyObject *
automaton_keys(Automaton *a, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(a->nkeys);
}

static PyMethodDef automaton_methods[] = {
    {"iter", (PyCFunction)automaton_iter, METH_O,
     "iter(text) -> [(last, slot)]: every key found in text, as pyahocorasick's iter reports it."},
    {"nodes", (PyCFunction)automaton_len, METH_NOARGS, "nodes() -> int: the trie's size."},
    {"dump", (PyCFunction)automaton_dump, METH_NOARGS, "dump() -> bytes: the trie, for Automaton.load."},
    {"load", (PyCFunction)automaton_load, METH_O | METH_CLASS,
     "Automaton.load(data) -> Automaton: a trie from dump(); ValueError if data is not one."},
    {"keys", (PyCFunction)automaton_keys, METH_NOARGS, "keys() -> int: how many keys it was built from."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject AutomatonType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "termguard._cscreen.Automaton",
    .tp_basicsize = sizeof(Automaton),
    .tp_dealloc = (destructor)automaton_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Automaton(keys): Aho-Corasick over the keys; a hit reports the key's index.",
    .tp_methods = automaton_methods,
    .tp_new = automaton_new,
};

/* ------------------------------------------------------------------------------------ */
/* Per-slot tables of one matcher (`termguard.morph.fast.FastTable`).                    */

/* A column of Python values for a few of a matcher's slots (`morph.fast.Column`): ids[k]
 * indexes `values` (-1: none); a value still None there is decoded from its marshalled
 * bytes, blob[offsets[i]:offsets[i + 1]], when first read, and kept in `values`. */
/* What a judging without the GIL returns for a pair it cannot judge: one of its tests is
 * on Python objects not compiled yet (`compiled_test`), or candidates, or an entry's facts are not
 * known yet (they are learnt from Python). The pair is judged again with the GIL. */
#define LATER (-9)

/* A value's test compiled to C (`verify` and `exact` values), so that pairs are judged by
 * it without Python objects, and so without the GIL: a key (the folded text a hit must
 * be) and spellings (the plain text must be one of them), each optional. */
struct Test {
    Py_ssize_t key_len;      /* -1: no key */
    Py_ssize_t nspell;       /* -1: no spellings (any spelling) */
    const uint32_t *key;
    const uint32_t **spell;
    Py_ssize_t *spell_len;
};

typedef struct {
    int32_t *ids;
    PyObject *values;   /* the column's own list */
    int32_t *offsets;   /* nvalues + 1 of them, or NULL when every value is there */
    Py_buffer blob;     /* a view of the cache file, or of b"" */
    int has_blob;
    Py_ssize_t nvalues;
    /* Compiled tests per value (`compiled_test`, with the GIL), and the ones a gathering
     * sees: copied over when a gathering starts (`sync_tests`), so that the two threads
     * never read and write the same array. */
    struct Test **tests, **gtests;
    IntVec fresh;       /* values compiled since the last gathering started */
} Column;

static void
column_free(Column *c)
{
    PyMem_Free(c->ids);
    PyMem_Free(c->offsets);
    Py_CLEAR(c->values);
    if (c->has_blob)
        PyBuffer_Release(&c->blob);
    c->has_blob = 0;
    if (c->tests != NULL)
        for (Py_ssize_t i = 0; i < c->nvalues; i++)
            PyMem_RawFree(c->tests[i]);
    PyMem_RawFree(c->tests);
    PyMem_RawFree(c->gtests);
    c->tests = c->gtests = NULL;
    vec_free(&c->fresh);
}

static int32_t *int_array(PyObject *table, const char *name, Py_ssize_t size);

/* Read the column `name` of `table` (slots: `size`): 0, or -1 with an error set. */
static int
column_init(Column *c, PyObject *table, const char *name, Py_ssize_t size)
{
    PyObject *col = PyObject_GetAttrString(table, name), *offsets = NULL;
    int rc = -1;
    if (col == NULL)
        return -1;
    if (!(c->ids = int_array(col, "ids", size)) || !(c->values = PyObject_GetAttrString(col, "values"))
        || !(offsets = PyObject_GetAttrString(col, "offsets")))
        goto done;
    if (!PyList_Check(c->values)) {
        PyErr_Format(PyExc_TypeError, "column %s: values must be a list", name);
        goto done;
    }
    Py_ssize_t n = PyList_GET_SIZE(c->values);
    PyObject *blob = PyObject_GetAttrString(col, "blob");
    if (blob == NULL)
        goto done;
    rc = PyObject_GetBuffer(blob, &c->blob, PyBUF_SIMPLE);
    Py_DECREF(blob);
    if (rc < 0)
        goto done;
    c->has_blob = 1;
    rc = -1;
    Py_buffer view;
    if (PyObject_GetBuffer(offsets, &view, PyBUF_SIMPLE) < 0)
        goto done;
    if (view.len != 0) {
        if (view.len != (n + 1) * 4 || (c->offsets = PyMem_Malloc(view.len)) == NULL) {
            PyBuffer_Release(&view);
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "column %s has the wrong shape", name);
            goto done;
        }
        memcpy(c->offsets, view.buf, view.len);
    }
    PyBuffer_Release(&view);
    if (c->offsets != NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            if (c->offsets[i] < 0 || c->offsets[i] > c->offsets[i + 1])
                goto shape;
        if (c->offsets[0] != 0 || c->offsets[n] != c->blob.len)
            goto shape;
    }
    for (Py_ssize_t k = 0; k < size; k++)
        if (c->ids[k] < -1 || c->ids[k] >= n)
            goto shape;
    c->nvalues = n;
    c->tests = PyMem_RawCalloc(n ? n : 1, sizeof(struct Test *));
    c->gtests = PyMem_RawCalloc(n ? n : 1, sizeof(struct Test *));
    if (c->tests == NULL || c->gtests == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    rc = 0;
    goto done;
shape:
    PyErr_Format(PyExc_ValueError, "column %s has the wrong shape", name);
done:
    Py_XDECREF(offsets);
    Py_DECREF(col);
    return rc;
}

/* Slot k's value (borrowed), or NULL: none (no error set), or an error. */
static PyObject *
column_item(const Column *c, int32_t k)
{
    int32_t i = c->ids[k];
    if (i < 0)
        return NULL;
    PyObject *value = PyList_GET_ITEM(c->values, i);
    if (value != Py_None)
        return value;
    if (c->offsets == NULL) {
        PyErr_SetString(PyExc_ValueError, "a column value is missing");
        return NULL;
    }
    value = PyMarshal_ReadObjectFromString((const char *)c->blob.buf + c->offsets[i], c->offsets[i + 1] - c->offsets[i]);
    if (value == NULL || PyList_SetItem(c->values, i, value) < 0)
        return NULL;
    return value;
}

typedef struct {
    Py_ssize_t size;
    int32_t *cls;       /* target_class (target side) or source_class (source side) */
    int32_t *evidence;
    int32_t *entry;
    int32_t *offset;
    int32_t *core;
    uint8_t *cover;
    uint8_t *inner;
    int32_t *multi_off; /* MULTI slots: their entries are multi_data[off:off+len] */
    int32_t *multi_len;
    int32_t *multi_data;
    Column verify;      /* (key test or None, frozenset of spellings or None) */
    Column exact;       /* frozenset */
    Column reject;      /* ((key test, exact, capital), ...) */
    Column cands;       /* ((entry, approved, key test, exact, capital, strength), ...) */
    uint32_t *fold;     /* the language's fold of each BMP character */
    uint32_t *blank;    /* the same, a space where the folded character is no word character */
    uint32_t *efold;    /* fold_exact of each BMP character */
    Automaton *automaton;
} Tables;

static void
tables_free(Tables *t)
{
    PyMem_Free(t->cls);
    PyMem_Free(t->evidence);
    PyMem_Free(t->entry);
    PyMem_Free(t->offset);
    PyMem_Free(t->core);
    PyMem_Free(t->cover);
    PyMem_Free(t->inner);
    PyMem_Free(t->multi_off);
    PyMem_Free(t->multi_len);
    PyMem_Free(t->multi_data);
    PyMem_Free(t->fold);
    PyMem_Free(t->blank);
    PyMem_Free(t->efold);
    column_free(&t->verify);
    column_free(&t->exact);
    column_free(&t->reject);
    column_free(&t->cands);
    Py_CLEAR(t->automaton);
}

static int32_t *
int_array(PyObject *table, const char *name, Py_ssize_t size)
{
    PyObject *list = PyObject_GetAttrString(table, name);
    if (list == NULL)
        return NULL;
    int32_t *v = NULL;
    if (PyObject_CheckBuffer(list)) {
        /* int32s (a table loaded from the cache: a view of the file) */
        Py_buffer view;
        if (PyObject_GetBuffer(list, &view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
            goto done;
        if (view.itemsize != 4 || view.format == NULL || strcmp(view.format, "i") != 0 || view.len != size * 4) {
            PyErr_Format(PyExc_ValueError, "table %s has the wrong shape", name);
        }
        else if ((v = PyMem_Malloc((size ? size : 1) * sizeof(int32_t))) == NULL) {
            PyErr_NoMemory();
        }
        else {
            memcpy(v, view.buf, size * sizeof(int32_t));
        }
        PyBuffer_Release(&view);
        goto done;
    }
    if (!PyList_Check(list) || PyList_GET_SIZE(list) != size) {
        PyErr_Format(PyExc_ValueError, "table %s has the wrong shape", name);
        goto done;
    }
    v = PyMem_Malloc((size ? size : 1) * sizeof(int32_t));
    if (v == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        long x = PyLong_AsLong(PyList_GET_ITEM(list, i)); /* bool is an int */
        if (x == -1 && PyErr_Occurred()) {
            PyMem_Free(v);
            v = NULL;
            goto done;
        }
        v[i] = (int32_t)x;
    }
done:
    Py_DECREF(list);
    return v;
}

static uint32_t *
char_table(PyObject *text)
{
    if (!PyUnicode_Check(text) || PyUnicode_GET_LENGTH(text) != BMP) {
        PyErr_SetString(PyExc_ValueError, "a fold table is a str of 65536 characters");
        return NULL;
    }
    return (uint32_t *)PyUnicode_AsUCS4Copy(text);
}

static int
tables_init(Tables *t, PyObject *automaton, PyObject *table, const char *cls_name, PyObject *folds)
{
    if (!PyObject_TypeCheck(automaton, &AutomatonType)) {
        PyErr_SetString(PyExc_TypeError, "expected an Automaton");
        return -1;
    }
    t->automaton = (Automaton *)automaton;
    Py_INCREF(automaton);
    Py_ssize_t size = t->automaton->nkeys;
    t->size = size;
    if (!PyTuple_Check(folds) || PyTuple_GET_SIZE(folds) != 3) {
        PyErr_SetString(PyExc_TypeError, "folds must be (fold, blank, fold_exact)");
        return -1;
    }
    if (!(t->fold = char_table(PyTuple_GET_ITEM(folds, 0))) || !(t->blank = char_table(PyTuple_GET_ITEM(folds, 1)))
        || !(t->efold = char_table(PyTuple_GET_ITEM(folds, 2))))
        return -1;
    if (!(t->cls = int_array(table, cls_name, size)) || !(t->evidence = int_array(table, "evidence", size))
        || !(t->entry = int_array(table, "entry", size)) || !(t->offset = int_array(table, "offset", size))
        || !(t->core = int_array(table, "core", size)))
        return -1;
    int32_t *cover = int_array(table, "cover", size), *inner = int_array(table, "inner", size);
    if (!cover || !inner) {
        PyMem_Free(cover);
        PyMem_Free(inner);
        return -1;
    }
    t->cover = PyMem_Malloc(size ? size : 1);
    t->inner = PyMem_Malloc(size ? size : 1);
    if (!t->cover || !t->inner) {
        PyMem_Free(cover);
        PyMem_Free(inner);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        t->cover[i] = cover[i] != 0;
        t->inner[i] = inner[i] != 0;
    }
    PyMem_Free(cover);
    PyMem_Free(inner);

    PyObject *multi = PyObject_GetAttrString(table, "multi");
    if (multi == NULL)
        return -1;
    if (!PyDict_Check(multi)) {
        Py_DECREF(multi);
        PyErr_SetString(PyExc_TypeError, "multi must be a dict");
        return -1;
    }
    Py_ssize_t count = 0, p = 0;
    PyObject *k, *v;
    while (PyDict_Next(multi, &p, &k, &v)) {
        if (!PyTuple_Check(v)) {
            Py_DECREF(multi);
            PyErr_SetString(PyExc_TypeError, "multi values must be tuples");
            return -1;
        }
        count += PyTuple_GET_SIZE(v);
    }
    t->multi_off = PyMem_Calloc(size ? size : 1, sizeof(int32_t));
    t->multi_len = PyMem_Calloc(size ? size : 1, sizeof(int32_t));
    t->multi_data = PyMem_Malloc((count ? count : 1) * sizeof(int32_t));
    if (!t->multi_off || !t->multi_len || !t->multi_data) {
        Py_DECREF(multi);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t at = 0;
    p = 0;
    while (PyDict_Next(multi, &p, &k, &v)) {
        Py_ssize_t slot = PyLong_AsSsize_t(k);
        if (slot < 0 || slot >= size) {
            Py_DECREF(multi);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "multi slot out of range");
            return -1;
        }
        t->multi_off[slot] = (int32_t)at;
        t->multi_len[slot] = (int32_t)PyTuple_GET_SIZE(v);
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(v); j++) {
            long e = PyLong_AsLong(PyTuple_GET_ITEM(v, j));
            if (e == -1 && PyErr_Occurred()) {
                Py_DECREF(multi);
                return -1;
            }
            t->multi_data[at++] = (int32_t)e;
        }
    }
    Py_DECREF(multi);
    if (column_init(&t->verify, table, "verify", size) < 0 || column_init(&t->exact, table, "exact", size) < 0
        || column_init(&t->reject, table, "reject", size) < 0 || column_init(&t->cands, table, "cands", size) < 0)
        return -1;
    return 0;
}

/* The test of a key (a str, or None) and spellings (a set of str, or None), compiled
 * into one block of raw memory; NULL with an exception set. */
static struct Test *
test_new(PyObject *key, PyObject *spellings)
{
    Py_ssize_t nspell = -1, chars = 0;
    if (key != Py_None) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "a key test must be a str");
            return NULL;
        }
        chars += PyUnicode_GET_LENGTH(key);
    }
    PyObject *items = NULL;
    if (spellings != Py_None) {
        if ((items = PySequence_Tuple(spellings)) == NULL)
            return NULL;
        nspell = PyTuple_GET_SIZE(items);
        for (Py_ssize_t i = 0; i < nspell; i++) {
            PyObject *sp = PyTuple_GET_ITEM(items, i);
            if (!PyUnicode_Check(sp)) {
                Py_DECREF(items);
                PyErr_SetString(PyExc_TypeError, "spellings must be str");
                return NULL;
            }
            chars += PyUnicode_GET_LENGTH(sp);
        }
    }
    Py_ssize_t n = nspell > 0 ? nspell : 0;
    size_t bytes = sizeof(struct Test) + n * (sizeof(uint32_t *) + sizeof(Py_ssize_t)) + (chars + 1) * sizeof(uint32_t);
    struct Test *t = PyMem_RawMalloc(bytes);
    if (t == NULL) {
        Py_XDECREF(items);
        PyErr_NoMemory();
        return NULL;
    }
    t->spell = (const uint32_t **)(t + 1);
    t->spell_len = (Py_ssize_t *)(t->spell + n);
    uint32_t *at = (uint32_t *)(t->spell_len + n);
    t->nspell = nspell;
    t->key_len = key != Py_None ? PyUnicode_GET_LENGTH(key) : -1;
    t->key = at;
    if (key != Py_None && PyUnicode_AsUCS4(key, at, t->key_len + 1, 0) == NULL)
        goto fail;
    at += t->key_len > 0 ? t->key_len : 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *sp = PyTuple_GET_ITEM(items, i);
        t->spell[i] = at;
        t->spell_len[i] = PyUnicode_GET_LENGTH(sp);
        if (PyUnicode_AsUCS4(sp, at, t->spell_len[i] + 1, 0) == NULL)
            goto fail;
        at += t->spell_len[i];
    }
    Py_XDECREF(items);
    return t;
fail:
    Py_XDECREF(items);
    PyMem_RawFree(t);
    return NULL;
}

/* With the GIL: the compiled test of slot k's value in `c` (a `verify` value, (key,
 * spellings), when `pair`, else an `exact` one, spellings), compiled on first use and
 * marked for the next gathering. NULL when the slot has none (*err 0) or on error (*err 1). */
static const struct Test *
compiled_test(Column *c, int32_t k, int pair, int *err)
{
    *err = 0;
    int32_t id = c->ids[k];
    if (id < 0)
        return NULL;
    if (c->tests[id] != NULL)
        return c->tests[id];
    PyObject *value = column_item(c, k);
    if (value == NULL) {
        *err = PyErr_Occurred() != NULL;
        return NULL;
    }
    PyObject *key = Py_None, *spellings = value;
    if (pair) {
        if (!PyTuple_Check(value) || PyTuple_GET_SIZE(value) != 2) {
            PyErr_SetString(PyExc_TypeError, "bad verify test");
            *err = 1;
            return NULL;
        }
        key = PyTuple_GET_ITEM(value, 0);
        spellings = PyTuple_GET_ITEM(value, 1);
    }
    struct Test *t = test_new(key, spellings);
    if (t == NULL || vec_push(&c->fresh, id) < 0) {
        PyMem_RawFree(t);
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        *err = 1;
        return NULL;
    }
    c->tests[id] = t;
    return t;
}

/* Without the GIL: slot k's compiled test as the gathering sees it in *out (NULL: the
 * slot has none); LATER when it has one not compiled yet. */
static int
gathered_test(const Column *c, int32_t k, const struct Test **out)
{
    int32_t id = c->ids[k];
    *out = id < 0 ? NULL : c->gtests[id];
    return id >= 0 && *out == NULL ? LATER : 0;
}

/* With the GIL, as a gathering starts: let it see the tests compiled since the last. */
static void
sync_tests(Column *c)
{
    for (Py_ssize_t i = 0; i < c->fresh.n; i++)
        c->gtests[c->fresh.v[i]] = c->tests[c->fresh.v[i]];
    c->fresh.n = 0;
}

/* Is plain[start:end] one of the test's spellings (any, when it has none)? */
static int
test_spelled(const struct Test *t, const uint32_t *plain, Py_ssize_t start, Py_ssize_t end)
{
    if (t->nspell < 0)
        return 1;
    for (Py_ssize_t i = 0; i < t->nspell; i++)
        if (t->spell_len[i] == end - start && memcmp(t->spell[i], plain + start, (end - start) * sizeof(uint32_t)) == 0)
            return 1;
    return 0;
}

/* `morph.fast.verified` through a compiled test: the key, then the spellings. */
static int
test_verified(const struct Test *t, const uint32_t *folded, const uint32_t *plain, Py_ssize_t start, Py_ssize_t end)
{
    if (t->key_len >= 0
        && (t->key_len != end - start || memcmp(t->key, folded + start, (end - start) * sizeof(uint32_t)) != 0))
        return 0;
    return test_spelled(t, plain, start, end);
}

/* `morph.fast.verified` for slot k of a table's `verify` column, with the GIL (compiling
 * its test) or without (LATER when not compiled yet). */
static int
verify_slot(Column *verify, int32_t k, const uint32_t *folded, const uint32_t *plain, Py_ssize_t start,
            Py_ssize_t end, int nogil)
{
    const struct Test *t;
    if (nogil) {
        if (gathered_test(verify, k, &t) == LATER)
            return LATER;
    }
    else {
        int err;
        t = compiled_test(verify, k, 1, &err);
        if (err)
            return -1;
    }
    return t == NULL ? 1 : test_verified(t, folded, plain, start, end);
}

/* ------------------------------------------------------------------------------------ */
/* The screen.                                                                           */

/* Text buffers: folded and padded text, decoded strings; hits. */
typedef struct {
    uint32_t *fbuf, *pbuf, *dbuf1, *dbuf2;
    Py_ssize_t fcap, pcap, d1cap, d2cap;
    IntVec pos, slots;
} Scratch;

/* What judging pairs works in: the finishing's, with the GIL, and the gathering's, which
 * judges without it the pairs that need no Python object (`judge`'s `nogil`). */
typedef struct {
    Scratch x;
    IntVec present, needs, spans, held, found, lpos, lslots;
    int8_t *facts;    /* the gathering's copy of the facts known when it started */
    Py_ssize_t nfacts;
} Judging;

static void
scratch_free(Scratch *x)
{
    PyMem_RawFree(x->fbuf);
    PyMem_RawFree(x->pbuf);
    PyMem_RawFree(x->dbuf1);
    PyMem_RawFree(x->dbuf2);
    vec_free(&x->pos);
    vec_free(&x->slots);
    memset(x, 0, sizeof *x);
}

static void
judging_free(Judging *j)
{
    scratch_free(&j->x);
    vec_free(&j->present);
    vec_free(&j->needs);
    vec_free(&j->spans);
    vec_free(&j->held);
    vec_free(&j->found);
    vec_free(&j->lpos);
    vec_free(&j->lslots);
    PyMem_RawFree(j->facts);
    memset(j, 0, sizeof *j);
}

typedef struct {
    PyObject_HEAD
    Tables tgt;        /* the target matcher (target_class) */
    Tables src;        /* the source matcher (source_class) */
    Py_ssize_t nentries;
    int8_t *facts;     /* per entry: -1 unknown, else bit 1: has an approved target rendering,
                          bit 2: must be translated */
    PyObject *learn;   /* learn(entry index) -> (expected, must_translate) */
    Judging jx;        /* the finishing's (with the GIL) */
    Judging jg;        /* the gathering's (`gather`, without it) */
    int gathering;     /* a gather is running: one at a time */
} Screen;

static void
screen_dealloc(Screen *s)
{
    tables_free(&s->tgt);
    tables_free(&s->src);
    PyMem_Free(s->facts);
    Py_CLEAR(s->learn);
    judging_free(&s->jx);
    judging_free(&s->jg);
    Py_TYPE(s)->tp_free((PyObject *)s);
}

static PyObject *
screen_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *tgt_auto, *tgt_table, *tgt_folds, *src_auto, *src_table, *src_folds, *learn, *known = Py_None;
    Py_ssize_t nentries;
    static char *kwlist[] = {"target", "target_table", "target_folds", "source", "source_table", "source_folds",
                             "entries", "learn", "facts", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOO!OOO!nO|O:Screen", kwlist, &tgt_auto, &tgt_table, &PyTuple_Type,
                                     &tgt_folds, &src_auto, &src_table, &PyTuple_Type, &src_folds, &nentries, &learn,
                                     &known))
        return NULL;
    if (nentries < 0) {
        PyErr_SetString(PyExc_ValueError, "entries must be >= 0");
        return NULL;
    }
    Screen *s = (Screen *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    if (tables_init(&s->tgt, tgt_auto, tgt_table, "target_class", tgt_folds) < 0
        || tables_init(&s->src, src_auto, src_table, "source_class", src_folds) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    s->nentries = nentries;
    s->facts = PyMem_Malloc(nentries ? nentries : 1);
    if (s->facts == NULL) {
        Py_DECREF(s);
        return PyErr_NoMemory();
    }
    memset(s->facts, -1, nentries ? nentries : 1);
    if (known != Py_None) {
        /* The facts already known (bytes, one per entry: 0-3 as `facts_of` keeps them, 255
         * for not known), so that `learn` is not called for them. */
        Py_buffer view;
        if (PyObject_GetBuffer(known, &view, PyBUF_SIMPLE) < 0) {
            Py_DECREF(s);
            return NULL;
        }
        const unsigned char *f = view.buf;
        int ok = view.len == nentries;
        for (Py_ssize_t e = 0; ok && e < nentries; e++) {
            if (f[e] <= 3)
                s->facts[e] = (int8_t)f[e];
            else if (f[e] != 255)
                ok = 0;
        }
        PyBuffer_Release(&view);
        if (!ok) {
            PyErr_SetString(PyExc_ValueError, "facts must be one byte per entry: 0-3, or 255 for not known");
            Py_DECREF(s);
            return NULL;
        }
    }
    Py_INCREF(learn);
    s->learn = learn;
    return (PyObject *)s;
}

static int
grow(uint32_t **buf, Py_ssize_t *cap, Py_ssize_t need)
{
    if (need <= *cap)
        return 0;
    Py_ssize_t cap2 = need * 2 + 64;
    uint32_t *b = PyMem_RawRealloc(*buf, cap2 * sizeof(uint32_t));  /* (as vec_push) */
    if (b == NULL)
        return -1;
    *buf = b;
    *cap = cap2;
    return 0;
}

/* The facts of an entry: bit 1 an approved target rendering exists, bit 2 must translate. */
static int
facts_of(Screen *s, int32_t e)
{
    if (e < 0 || e >= s->nentries)
        return 3; /* out of range: assume the worst */
    if (s->facts[e] >= 0)
        return s->facts[e];
    PyObject *r = PyObject_CallFunction(s->learn, "i", e);
    if (r == NULL)
        return -1;
    int expected = -1, must = -1;
    if (PyTuple_Check(r) && PyTuple_GET_SIZE(r) == 2) {
        expected = PyObject_IsTrue(PyTuple_GET_ITEM(r, 0));
        must = PyObject_IsTrue(PyTuple_GET_ITEM(r, 1));
    }
    Py_DECREF(r);
    if (expected < 0 || must < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "learn() must return (bool, bool)");
        return -1;
    }
    s->facts[e] = (int8_t)(expected | (must << 1));
    return s->facts[e];
}

/* Fold `t[0:n]` into x->fbuf and pad it into x->pbuf (" " + blanked + " "). Returns 1
 * when the text has a character the tables cannot fold as Python does (outside the BMP;
 * a capital sigma, which lowercases by context), 0 otherwise, -1 on error. `alpha`, when
 * given, is set to whether any padded character is in that automaton's alphabet. (No
 * Python object is touched: the gathering runs it without the GIL.) */
static int
fold_text(Scratch *x, const Tables *t, const uint32_t *text, Py_ssize_t n, const uint8_t *alpha, int *seen)
{
    if (grow(&x->fbuf, &x->fcap, n + 1) < 0 || grow(&x->pbuf, &x->pcap, n + 2) < 0)
        return -1;
    uint32_t *f = x->fbuf, *p = x->pbuf;
    const uint32_t *fold = t->fold, *blank = t->blank;
    int any = 0;
    p[0] = ' ';
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t c = text[i];
        if (c >= BMP || c == 0x3A3)
            return 1;
        f[i] = fold[c];
        p[i + 1] = blank[c];
        if (alpha)
            any |= alpha[blank[c]];
    }
    p[n + 1] = ' ';
    if (seen)
        *seen = any;
    return 0;
}

static PyObject *
ucs4(const uint32_t *text, Py_ssize_t n)
{
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, text, n);
}

/* Is folded[start:end] equal to `key` (a str)? */
static int
folded_is(const uint32_t *folded, Py_ssize_t start, Py_ssize_t end, PyObject *key)
{
    if (PyUnicode_GET_LENGTH(key) != end - start)
        return 0;
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    for (Py_ssize_t i = start; i < end; i++)
        if (folded[i] != PyUnicode_READ(kind, data, i - start))
            return 0;
    return 1;
}

/* fold_exact of plain[start:end], as a str. */
static PyObject *
exact_surface(const Tables *t, const uint32_t *plain, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t len = end - start;
    if (len <= 0)
        return PyUnicode_New(0, 0);
    uint32_t small[64];
    uint32_t *e = len <= 64 ? small : PyMem_Malloc(len * sizeof(uint32_t));
    if (e == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++)
        e[i] = plain[start + i] < BMP ? t->efold[plain[start + i]] : plain[start + i];
    PyObject *surface = ucs4(e, len);
    if (e != small)
        PyMem_Free(e);
    return surface;
}

/* `morph.fast.may_reject` */
static int
may_reject(const Tables *t, int32_t k, const uint32_t *folded, const uint32_t *plain, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *tests = column_item(&t->reject, k);
    if (tests == NULL)
        return PyErr_Occurred() ? -1 : 1; /* no tests known: it may be one */
    if (!PyTuple_Check(tests))
        return 1;
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(tests); j++) {
        PyObject *test = PyTuple_GET_ITEM(tests, j);
        if (!PyTuple_Check(test) || PyTuple_GET_SIZE(test) != 3)
            return 1;
        PyObject *key = PyTuple_GET_ITEM(test, 0), *exact = PyTuple_GET_ITEM(test, 1);
        if (key != Py_None && !folded_is(folded, start, end, key))
            continue;
        if (exact != Py_None) {
            PyObject *surface = ucs4(plain + start, end - start);
            if (surface == NULL)
                return -1;
            int in = PySequence_Contains(exact, surface);
            Py_DECREF(surface);
            if (in < 0)
                return -1;
            if (!in) {
                PyObject *surface2 = exact_surface(t, plain, start, end);
                if (surface2 == NULL)
                    return -1;
                in = PySequence_Contains(exact, surface2);
                Py_DECREF(surface2);
                if (in < 0)
                    return -1;
                if (!in)
                    continue;
            }
        }
        int capital = PyObject_IsTrue(PyTuple_GET_ITEM(test, 2));
        if (capital < 0)
            return -1;
        if (capital && !Py_UNICODE_ISUPPER(plain[start]))
            continue;
        return 1;
    }
    return 0;
}

#define MAX_PASSING 64

/* The CANDIDATES slot k's candidates as a tuple, or NULL (with an error set or not). */
static PyObject *
slot_candidates(const Tables *t, int32_t k)
{
    PyObject *cands = column_item(&t->cands, k);
    return cands != NULL && PyTuple_Check(cands) ? cands : NULL;
}

/* `morph.fast.passing_candidates`: fills `passing` with (entry, approved, strength) of
 * the candidates of a CANDIDATES hit that pass `scan`'s tests. Returns how many, -1 on
 * error, -2 when the slot cannot be judged here (no candidates, an odd shape, too many). */
static int
passing_candidates(const Tables *t, int32_t k, const uint32_t *folded, const uint32_t *plain, Py_ssize_t start,
                   Py_ssize_t end, int32_t passing[][3])
{
    PyObject *cands = slot_candidates(t, k);
    if (cands == NULL)
        return PyErr_Occurred() ? -1 : -2;
    PyObject *surface = NULL;
    int npass = 0;
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(cands); j++) {
        PyObject *c = PyTuple_GET_ITEM(cands, j);
        if (!PyTuple_Check(c) || PyTuple_GET_SIZE(c) != 6 || npass >= MAX_PASSING) {
            npass = -2;
            goto done;
        }
        PyObject *key = PyTuple_GET_ITEM(c, 2), *exact = PyTuple_GET_ITEM(c, 3);
        if (key != Py_None && !folded_is(folded, start, end, key))
            continue;
        if (exact != Py_None) {
            if (surface == NULL && (surface = exact_surface(t, plain, start, end)) == NULL) {
                npass = -1;
                goto done;
            }
            int in = PySequence_Contains(exact, surface);
            if (in < 0) {
                npass = -1;
                goto done;
            }
            if (!in)
                continue;
        }
        int capital = PyObject_IsTrue(PyTuple_GET_ITEM(c, 4));
        if (capital < 0) {
            npass = -1;
            goto done;
        }
        if (capital && !Py_UNICODE_ISUPPER(plain[start]))
            continue;
        int approved = PyObject_IsTrue(PyTuple_GET_ITEM(c, 1));
        long e = PyLong_AsLong(PyTuple_GET_ITEM(c, 0)), strength = PyLong_AsLong(PyTuple_GET_ITEM(c, 5));
        if (approved < 0 || ((e == -1 || strength == -1) && PyErr_Occurred())) {
            npass = -1;
            goto done;
        }
        passing[npass][0] = (int32_t)e;
        passing[npass][1] = approved;
        passing[npass][2] = (int32_t)strength;
        npass++;
    }
done:
    Py_XDECREF(surface);
    return npass;
}

/* `morph.fast.judge_candidates` for a CANDIDATES hit: 1 when it may be a rejected form, 0
 * otherwise (the entries it proves present pushed to `found`), -1 on error. */
static int
judge_candidates(const Tables *t, int32_t k, const uint32_t *folded, const uint32_t *plain, Py_ssize_t start,
                 Py_ssize_t end, IntVec *found)
{
    int32_t passing[MAX_PASSING][3];
    int npass = passing_candidates(t, k, folded, plain, start, end, passing);
    if (npass < 0)
        return npass == -1 ? -1 : 1;
    int32_t strongest = -1, floor = -1;
    int any_exact = 0;
    for (int i = 0; i < npass; i++) {
        if (passing[i][1]) {
            if (passing[i][2] > strongest)
                strongest = passing[i][2];
            any_exact |= passing[i][2] == LITERAL_EXACT;
        }
        else if (passing[i][2] > floor)
            floor = passing[i][2];
    }
    /* A rejected form is dropped under an approved one at least as strong. */
    if (floor > strongest)
        return 1;
    for (int i = 0; i < npass; i++) {
        int32_t e = passing[i][0];
        /* An approved form is dropped under a stronger rejected one; of approved forms, a
         * case-exact one drops a folded one of another entry. */
        if (!passing[i][1] || passing[i][2] < floor)
            continue;
        int keep = passing[i][2] == LITERAL_EXACT || !any_exact;
        if (!keep) {
            keep = 1;
            for (int j = 0; j < npass; j++)
                if (passing[j][1] && passing[j][2] == LITERAL_EXACT && passing[j][0] != e)
                    keep = 0;
        }
        if (keep && !vec_has(found, e) && vec_push(found, e) < 0)
            return -1;
    }
    return 0;
}

static int
add_present(Judging *j, int32_t e)
{
    return vec_has(&j->present, e) ? 0 : vec_push(&j->present, e);
}

/* Hold entry e's hit [start, end) until every cover span of the text is known. */
static int
hold(Judging *j, int32_t e, int32_t start, int32_t end)
{
    return vec_push(&j->held, e) < 0 || vec_push(&j->held, start) < 0 || vec_push(&j->held, end) < 0 ? -1 : 0;
}

/* Push to `out` the entries slot k stands for, untested: its evidence entry (on the
 * target side) or its one entry, the entries of a MULTI slot, or of a CANDIDATES slot's
 * candidates. */
static int
slot_entries(const Tables *t, int32_t k, IntVec *out)
{
    int32_t code = t->evidence[k];
    if (code >= 0)
        return vec_push(out, code);
    if (code == MULTI) {
        for (int32_t j = 0; j < t->multi_len[k]; j++)
            if (vec_push(out, t->multi_data[t->multi_off[k] + j]) < 0)
                return -1;
        return 0;
    }
    if (code == CANDIDATES) {
        PyObject *cands = slot_candidates(t, k);
        if (cands == NULL)
            return PyErr_Occurred() ? -1 : 0;
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(cands); j++) {
            PyObject *c = PyTuple_GET_ITEM(cands, j);
            if (!PyTuple_Check(c) || PyTuple_GET_SIZE(c) != 6)
                continue;
            long e = PyLong_AsLong(PyTuple_GET_ITEM(c, 0));
            if (e == -1 && PyErr_Occurred())
                return -1;
            if (!vec_has(out, (int32_t)e) && vec_push(out, (int32_t)e) < 0)
                return -1;
        }
    }
    return 0;
}

/* Is the held hit [start, end) under a longer span of j->spans? */
static int
covered(const Judging *j, int32_t start, int32_t end)
{
    for (Py_ssize_t i = 0; i < j->spans.n; i += 2) {
        int32_t a = j->spans.v[i], b = j->spans.v[i + 1];
        if (a <= start && end <= b && b - a > end - start)
            return 1;
    }
    return 0;
}

/* A pair's automaton hits, gathered before it is judged (`gather_pair`). */
typedef struct {
    int tfold, sfold; /* fold_text's results on the target and the source */
    const int32_t *tpos, *tslot, *spos, *sslot;
    Py_ssize_t nt, ns;
} Hits;

#define PAIR_HITS 6  /* what gather_pair records of a pair */

/* Fold a pair's texts and run the automata over them (target forms in the target, source
 * forms in the source), appending the hits to pos/slots and recording in rec[PAIR_HITS]
 * the fold results and where each text's hits are. 0, or -1 when memory runs out.
 * Touches no Python object: the block's gathering runs it without the GIL. */
static int
gather_pair(Scratch *g, const Tables *T, const Tables *S, const uint32_t *src, Py_ssize_t ns, const uint32_t *tgt,
            Py_ssize_t nt, IntVec *pos, IntVec *slots, int remember, int32_t rec[PAIR_HITS])
{
    int r;
    int32_t at = (int32_t)pos->n;
    rec[0] = rec[3] = 0;
    rec[1] = rec[2] = rec[4] = rec[5] = at;
    if ((r = fold_text(g, T, tgt, nt, NULL, NULL)) != 0)
        return r < 0 ? -1 : (rec[0] = r, 0);
    if (automaton_run(T->automaton, g->pbuf, nt + 2, pos, slots, remember) < 0)
        return -1;
    rec[2] = rec[4] = rec[5] = (int32_t)pos->n;
    if ((r = fold_text(g, S, src, ns, NULL, NULL)) != 0)
        return r < 0 ? -1 : (rec[3] = r, 0);
    if (automaton_run(S->automaton, g->pbuf, ns + 2, pos, slots, remember) < 0)
        return -1;
    rec[5] = (int32_t)pos->n;
    return 0;
}

/* The hits `gather_pair` recorded in rec, in pos/slots. */
static Hits
pair_hits(const int32_t *rec, const IntVec *pos, const IntVec *slots)
{
    Hits h = {rec[0], rec[3], pos->v + rec[1], slots->v + rec[1], pos->v + rec[4], slots->v + rec[4],
              rec[2] - rec[1], rec[5] - rec[4]};
    return h;
}

/* `facts_of` in a judging; without the GIL, from the gathering's copy of the facts known
 * when it started, LATER for an entry not known yet. */
static int
known_facts(Screen *s, Judging *J, int nogil, int32_t e)
{
    if (!nogil)
        return facts_of(s, e);
    if (e < 0 || e >= J->nfacts)
        return 3; /* out of range: assume the worst (as facts_of) */
    return J->facts[e] >= 0 ? J->facts[e] : LATER;
}

/* Judge one (source, translation) pair from its gathered hits (`_fast` of
 * `termguard.screen` for one pair): 0 cleared, -1 error, or why it is unsure: 1 a
 * character the tables cannot fold, 2 a poisoned (or unknown) target slot, 3 a
 * case-sensitive slot without spellings, 4 a rejected form, 5 a poisoned source slot, 6 a
 * needed entry without an approved form, 7 a poisoned source slot in the translation, 8 a
 * must-translate source form left in the translation, 9 a form that may be a rejected one
 * on a key shared with approved ones. With `nogil` (a gathering), LATER for a pair it
 * cannot judge without Python objects. */
static int
judge(Screen *s, Judging *J, const uint32_t *src, Py_ssize_t ns, const uint32_t *tgt, Py_ssize_t nt, const Hits *hits,
      int nogil)
{
    const Tables *T = &s->tgt, *S = &s->src;
    int r;
    J->present.n = J->needs.n = 0;

    /* Target: evidence of approved forms. (The texts are folded again, as when they were
     * gathered: the tests read the folded text.) */
    if (hits->tfold)
        return hits->tfold;
    int folded = 0; /* J->x.fbuf holds the folded target (only slow hits read it) */
    J->spans.n = J->held.n = 0;
    for (Py_ssize_t h = 0; h < hits->nt; h++) {
        int32_t k = hits->tslot[h];
        int32_t start = hits->tpos[h] - T->offset[k];
        int32_t end = start + T->core[k];
        switch (T->cls[k]) {
        case SIMPLE:
            if (add_present(J, T->evidence[k]) < 0) /* (SIMPLE and EXACT slots prove one entry) */
                return -1;
            break;
        case NEUTRAL:
            break;
        case EXACT: {
            const struct Test *spellings;
            if (nogil) {
                if (gathered_test(&T->exact, k, &spellings) == LATER)
                    return LATER;
            }
            else {
                int err;
                spellings = compiled_test(&s->tgt.exact, k, 0, &err);
                if (err)
                    return -1;
            }
            if (spellings == NULL)
                return 3;
            if (test_spelled(spellings, tgt, start, end) && add_present(J, T->evidence[k]) < 0)
                return -1;
            break;
        }
        case SLOW: {
            int32_t code = T->evidence[k];
            if (nogil && (code == REJECT || code == CANDIDATES))
                return LATER;
            if (!folded && (r = fold_text(&J->x, T, tgt, nt, NULL, NULL)) != 0)
                return r; /* (0 or -1: it folded when gathered) */
            folded = 1;
            if (code == REJECT) {
                r = may_reject(T, k, J->x.fbuf, tgt, start, end);
                if (r != 0)
                    return r < 0 ? r : 4;
                break;
            }
            /* verified or not, a cover may still drop a form under it */
            if (T->cover[k] && (vec_push(&J->spans, start) < 0 || vec_push(&J->spans, end) < 0))
                return -1;
            J->found.n = 0;
            if (code == CANDIDATES) {
                r = judge_candidates(T, k, J->x.fbuf, tgt, start, end, &J->found);
                if (r != 0)
                    return r < 0 ? r : 9;
            }
            else {
                r = verify_slot(&s->tgt.verify, k, J->x.fbuf, tgt, start, end, nogil);
                if (r < 0)
                    return r;
                if (!r)
                    break;
                if (slot_entries(T, k, &J->found) < 0)
                    return -1;
            }
            for (Py_ssize_t j = 0; j < J->found.n; j++) {
                int32_t e = J->found.v[j];
                if (T->inner[k] ? hold(J, e, start, end) < 0 : add_present(J, e) < 0)
                    return -1;
            }
            break;
        }
        default: /* POISON and anything unknown */
            return 2;
        }
    }
    for (Py_ssize_t i = 0; i < J->held.n; i += 3)
        if (!covered(J, J->held.v[i + 1], J->held.v[i + 2]) && add_present(J, J->held.v[i]) < 0)
            return -1;

    /* Source: the entries the translation needs. */
    if (hits->sfold)
        return hits->sfold;
    folded = 0; /* now the source */
    J->spans.n = J->held.n = 0;
    for (Py_ssize_t h = 0; h < hits->ns; h++) {
        int32_t k = hits->sslot[h];
        int32_t e = S->entry[k];
        switch (S->cls[k]) {
        case SIMPLE:
            if (!vec_has(&J->needs, e) && vec_push(&J->needs, e) < 0)
                return -1;
            break;
        case SLOW: {
            if (nogil && S->evidence[k] == CANDIDATES)
                return LATER;
            if (!folded && (r = fold_text(&J->x, S, src, ns, NULL, NULL)) != 0)
                return r;
            folded = 1;
            int32_t start = hits->spos[h] - S->offset[k];
            int32_t end = start + S->core[k];
            /* the entries the hit needs: its one entry, or those of its matches */
            J->found.n = 0;
            if (e >= 0)
                r = vec_push(&J->found, e);
            else if (S->evidence[k] == MULTI) {
                r = verify_slot(&s->src.verify, k, J->x.fbuf, src, start, end, nogil);
                if (r == LATER)
                    return LATER;
                r = r <= 0 ? r : slot_entries(S, k, &J->found);
            }
            else if (S->evidence[k] == CANDIDATES) {
                int32_t passing[MAX_PASSING][3];
                int npass = passing_candidates(S, k, J->x.fbuf, src, start, end, passing);
                if (npass == -2)
                    return 5;
                r = npass < 0 ? -1 : 0;
                for (int j = 0; j < npass && r == 0; j++)
                    if (!vec_has(&J->found, passing[j][0]))
                        r = vec_push(&J->found, passing[j][0]);
            }
            else
                return 5;
            if (r < 0)
                return -1;
            for (Py_ssize_t j = 0; j < J->found.n; j++) {
                int32_t need = J->found.v[j];
                if (S->inner[k]) {
                    if (hold(J, need, start, end) < 0)
                        return -1;
                }
                else if (!vec_has(&J->needs, need) && vec_push(&J->needs, need) < 0)
                    return -1;
            }
            if (S->cover[k] && (S->evidence[k] >= 0 || S->evidence[k] == CANDIDATES)) {
                /* only a hit that is certainly an approved form drops the forms under it */
                if (S->evidence[k] >= 0) {
                    r = verify_slot(&s->src.verify, k, J->x.fbuf, src, start, end, nogil);
                    if (r == LATER)
                        return LATER;
                }
                else {
                    J->found.n = 0;
                    r = judge_candidates(S, k, J->x.fbuf, src, start, end, &J->found);
                    r = r < 0 ? -1 : (r == 0 && J->found.n > 0);
                }
                if (r < 0)
                    return -1;
                if (r && (vec_push(&J->spans, start) < 0 || vec_push(&J->spans, end) < 0))
                    return -1;
            }
            break;
        }
        default:
            return 5;
        }
    }
    for (Py_ssize_t i = 0; i < J->held.n; i += 3) {
        int32_t e = J->held.v[i];
        if (!covered(J, J->held.v[i + 1], J->held.v[i + 2]) && !vec_has(&J->needs, e) && vec_push(&J->needs, e) < 0)
            return -1;
    }
    int must_any = 0;
    for (Py_ssize_t i = 0; i < J->needs.n; i++) {
        int f = known_facts(s, J, nogil, J->needs.v[i]);
        if (f < 0)
            return f;
        if ((f & 1) && !vec_has(&J->present, J->needs.v[i]))
            return 6;
        must_any |= (f & 2);
    }
    if (!must_any)
        return 0; /* untranslated-term looks only for needed entries that must be translated */

    /* Source forms of must-translate terms standing in the translation (searched here,
     * with the GIL, and without the memo a gathering may be writing: few pairs get here). */
    int alpha_seen = 0;
    if ((r = fold_text(&J->x, S, tgt, nt, S->automaton->alpha, &alpha_seen)) != 0)
        return r;
    if (!alpha_seen)
        return 0; /* no character of any source form: no source form */
    J->lpos.n = J->lslots.n = 0;
    if (automaton_run(S->automaton, J->x.pbuf, nt + 2, &J->lpos, &J->lslots, 0) < 0)
        return -1;
    for (Py_ssize_t h = 0; h < J->lpos.n; h++) {
        int32_t k = J->lslots.v[h];
        if (S->cls[k] == POISON)
            return 7;
        /* (no test applied to the hit: every entry of the slot counts) */
        if (nogil && S->entry[k] < 0)
            return LATER; /* (its entries may be a CANDIDATES slot's, in Python objects) */
        J->found.n = 0;
        if (S->entry[k] >= 0 ? vec_push(&J->found, S->entry[k]) < 0 : slot_entries(S, k, &J->found) < 0)
            return -1;
        if (J->found.n == 0)
            return 7;
        for (Py_ssize_t j = 0; j < J->found.n; j++) {
            int32_t e = J->found.v[j];
            if (vec_has(&J->needs, e) && (known_facts(s, J, nogil, e) & 2))
                return 8;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------ */
/* Rows of a block (`termguard.readers.po._ROW`).                                        */

typedef struct {
    Py_ssize_t start, end;   /* the string's contents (between the quotes) */
} Str;

static int
starts_with(const uint8_t *b, Py_ssize_t n, Py_ssize_t at, const char *word)
{
    for (Py_ssize_t i = 0; word[i]; i++)
        if (at + i >= n || b[at + i] != (unsigned char)word[i])
            return 0;
    return 1;
}

/* `"...."\n` at b[at]: the end after the newline, or -1. */
static Py_ssize_t
string_at(const uint8_t *b, Py_ssize_t n, Py_ssize_t at, Str *out)
{
    if (at >= n || b[at] != '"')
        return -1;
    Py_ssize_t i = at + 1;
    while (i < n) {
        uint8_t c = b[i];
        if (c == '"')
            break;
        if (c == '\n')
            return -1;
        if (c == '\\') {
            if (i + 1 >= n || b[i + 1] == '\n')
                return -1;
            i += 2;
            continue;
        }
        i++;
    }
    if (i >= n || i + 1 >= n || b[i + 1] != '\n')
        return -1;
    out->start = at + 1;
    out->end = i;
    return i + 2;
}

#define MAX_FORMS 16

typedef struct {
    Py_ssize_t start, end;  /* the row, leading newlines included */
    Py_ssize_t lines;       /* the newlines in it (the caller keeps the line count) */
    int simple;             /* 1: the fields below are set */
    int suppressed;         /* a comment line names termguard */
    Str msgid;
    int nforms;             /* -1: plural forms out of order or too many */
    Str forms[MAX_FORMS];
} Row;

static int
comment_names_termguard(const uint8_t *b, Py_ssize_t start, Py_ssize_t end)
{
    static const char word[] = "termguard";
    for (Py_ssize_t i = start; i + 9 <= end; i++) {
        if (b[i] != 't')
            continue;
        Py_ssize_t j = 0;
        while (j < 9 && b[i + j] == (unsigned char)word[j])
            j++;
        if (j == 9)
            return 1;
    }
    return 0;
}

/* The row starting at b[at] (at < n): fills `row`, returns its end, or -1 at the block's
 * end (nothing but newlines left). */
static Py_ssize_t
next_row(const uint8_t *b, Py_ssize_t n, Py_ssize_t at, Row *row)
{
    Py_ssize_t p = at;
    while (p < n && b[p] == '\n')
        p++;
    if (p >= n)
        return -1;
    row->start = at;
    row->simple = 0;
    /* Newlines are counted as the row is parsed (every line ends in one) so that the
     * rows read in full get their line numbers without a second pass over the block. */
    Py_ssize_t q = p, lines = p - at;
    /* comment lines */
    while (q < n && b[q] == '#') {
        while (q < n && b[q] != '\n')
            q++;
        if (q >= n)
            goto other;
        q++;
        lines++;
    }
    row->suppressed = comment_names_termguard(b, p, q);
    if (starts_with(b, n, q, "msgctxt ")) {
        Str ctxt;
        q = string_at(b, n, q + 8, &ctxt);
        if (q < 0)
            goto other;
        lines++;
    }
    if (!starts_with(b, n, q, "msgid "))
        goto other;
    q = string_at(b, n, q + 6, &row->msgid);
    if (q < 0)
        goto other;
    lines++;
    if (starts_with(b, n, q, "msgstr ")) {
        q = string_at(b, n, q + 7, &row->forms[0]);
        if (q < 0)
            goto other;
        lines++;
        row->nforms = 1;
    }
    else if (starts_with(b, n, q, "msgid_plural ")) {
        Str plural;
        q = string_at(b, n, q + 13, &plural);
        if (q < 0)
            goto other;
        lines++;
        int count = 0, in_order = 1;
        while (starts_with(b, n, q, "msgstr[")) {
            Py_ssize_t d = q + 7;
            long number = 0;
            while (d < n && b[d] >= '0' && b[d] <= '9') {
                if (number < 1000000)
                    number = number * 10 + (long)(b[d] - '0');
                d++;
            }
            if (d == q + 7 || !starts_with(b, n, d, "] "))
                break; /* not a plural line: what follows decides */
            Str form;
            Py_ssize_t after = string_at(b, n, d + 2, &form);
            if (after < 0)
                break;
            if (number != count || count >= MAX_FORMS)
                in_order = 0;
            else
                row->forms[count] = form;
            count++;
            lines++;
            q = after;
        }
        if (count == 0)
            goto other;
        row->nforms = in_order ? count : -1;
    }
    else
        goto other;
    if (q < n) {
        if (b[q] != '\n')
            goto other;
        q++;
        lines++;
    }
    row->simple = 1;
    row->end = q;
    row->lines = lines;
    return q;
other:
    /* up to and including the next blank line, or to the end */
    row->end = n;
    for (Py_ssize_t i = p + 1; i + 1 < n; i++) {
        if (b[i] == '\n' && b[i + 1] == '\n') {
            row->end = i + 2;
            break;
        }
    }
    row->lines = 0;
    for (Py_ssize_t i = at; i < row->end; i++)
        row->lines += b[i] == '\n';
    return row->end;
}

/* Is b[0:n] well-formed UTF-8 as Python's strict decoder takes it (no overlong forms, no
 * surrogates, nothing above U+10FFFF)? The block is checked whole, once, so that rows the
 * screen clears without decoding them are held to it as a full read would be. */
static int
utf8_valid(const uint8_t *b, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n) {
        /* (PO files are mostly ASCII: eight bytes at a time while they are) */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, b + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        uint8_t c = b[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (b[i + 1] & 0xC0) != 0x80)
                return 0;
            i += 2;
        }
        else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= n || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80)
                return 0;
            if ((c == 0xE0 && b[i + 1] < 0xA0) || (c == 0xED && b[i + 1] > 0x9F))
                return 0; /* overlong, or a surrogate */
            i += 3;
        }
        else if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= n || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 || (b[i + 3] & 0xC0) != 0x80)
                return 0;
            if ((c == 0xF0 && b[i + 1] < 0x90) || (c == 0xF4 && b[i + 1] > 0x8F))
                return 0; /* overlong, or above U+10FFFF */
            i += 4;
        }
        else
            return 0;
    }
    return 1;
}

/* Characters that make a text markup (`screen.MARKUP_NEEDLES`), and the ends of the URL
 * needles ("http:", "https:", "www."), whose starts are looked for behind them. */
static const uint8_t MARKUP[128] = {
    ['*'] = 1, ['_'] = 1, ['<'] = 1, ['`'] = 1, ['['] = 1, [']'] = 1, ['\\'] = 1, [':'] = 2, ['.'] = 2,
};

/* A string's text (UTF-8 already checked, escapes decoded) as code points in *buf: its
 * length, or -1 for an escape the PO reader rejects (the full read reports it), -2 on
 * error. *markup is set to whether the text has markup, URLs or code (`has_markup`), found
 * in the same pass. */
static Py_ssize_t
text_of(const uint8_t *b, const Str *str, uint32_t **buf, Py_ssize_t *cap, int *markup)
{
    Py_ssize_t len = str->end - str->start;
    if (grow(buf, cap, len + 1) < 0)
        return -2;
    uint32_t *o = *buf;
    Py_ssize_t m = 0, i = str->start, end = str->end;
    int found = 0;
    while (i < end) {
        uint32_t c = b[i];
        if (c < 0x80) {
            if (c == '\\') {
                switch (b[i + 1]) {
                case 'n': c = '\n'; break;
                case 't': c = '\t'; break;
                case 'r': c = '\r'; break;
                case '"': c = '"'; break;
                case '\\': c = '\\'; break;
                case 'a': c = '\a'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'v': c = '\v'; break;
                default: return -1;
                }
                i += 2;
            }
            else
                i++;
            if (MARKUP[c] == 1)
                found = 1;
            else if (MARKUP[c] == 2 && !found) {
                if (c == ':')
                    found = (m >= 4 && o[m - 4] == 'h' && o[m - 3] == 't' && o[m - 2] == 't' && o[m - 1] == 'p')
                            || (m >= 5 && o[m - 5] == 'h' && o[m - 4] == 't' && o[m - 3] == 't' && o[m - 2] == 'p'
                                && o[m - 1] == 's');
                else
                    found = m >= 3 && o[m - 3] == 'w' && o[m - 2] == 'w' && o[m - 1] == 'w';
            }
        }
        else if (c < 0xE0) {
            c = ((c & 0x1F) << 6) | (b[i + 1] & 0x3F);
            i += 2;
        }
        else if (c < 0xF0) {
            c = ((c & 0x0F) << 12) | ((uint32_t)(b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
            i += 3;
        }
        else {
            c = ((c & 0x07) << 18) | ((uint32_t)(b[i + 1] & 0x3F) << 12) | ((uint32_t)(b[i + 2] & 0x3F) << 6)
                | (b[i + 3] & 0x3F);
            i += 4;
        }
        o[m++] = c;
    }
    *markup = found;
    return m;
}

/* A block's gathering: what `Screen.gather` found without the GIL, for `Screen.finish`. */
typedef struct {
    Py_buffer view;   /* the block, held until it is finished */
    int held;         /* view is held */
    int invalid;      /* not valid UTF-8 */
    int finished;
    Py_ssize_t nrows;
    IntVec full;      /* (row, start, end, line) of the rows to read in full */
    IntVec pairs;     /* per pair not cleared: row, start, end, line, msgid start, end, form
                         start, end, the verdict (LATER: not judged yet), then what
                         gather_pair records */
    IntVec pos, slots; /* the pairs' hits */
} Gathered;

#define PAIR_FIELDS (9 + PAIR_HITS)
#define GATHERED "termguard._cscreen.gathered"

static void
gathered_free(Gathered *d)
{
    if (d->held)
        PyBuffer_Release(&d->view);
    vec_free(&d->full);
    vec_free(&d->pairs);
    vec_free(&d->pos);
    vec_free(&d->slots);
    PyMem_RawFree(d);
}

static void
gathered_destructor(PyObject *capsule)
{
    gathered_free(PyCapsule_GetPointer(capsule, GATHERED));
}

static int
push4(IntVec *v, Py_ssize_t a, Py_ssize_t b, Py_ssize_t c, Py_ssize_t d)
{
    return vec_push(v, (int32_t)a) < 0 || vec_push(v, (int32_t)b) < 0 || vec_push(v, (int32_t)c) < 0
                   || vec_push(v, (int32_t)d) < 0
               ? -1
               : 0;
}

/* The block pass up to the judging, without the GIL: rows parsed, strings decoded, texts
 * folded, automata run (the memo of words written). 0, or -1 when memory runs out. */
static int
gather_block(Screen *s, Gathered *d)
{
    const uint8_t *b = (const uint8_t *)d->view.buf;
    Py_ssize_t n = d->view.len;
    if (n > INT32_MAX / 2)
        return -1; /* (offsets are kept as int32; blocks are a few megabytes) */
    if (!utf8_valid(b, n)) {
        d->invalid = 1;
        return 0;
    }
    Judging *J = &s->jg;
    Scratch *g = &J->x;
    Py_ssize_t nrows = 0, at = 0, lines = 0;
    Row row;
    while (at < n) {
        Py_ssize_t end = next_row(b, n, at, &row);
        if (end < 0)
            break;
        Py_ssize_t r = nrows++, line = lines;
        lines += row.lines;
        at = end;
        if (!row.simple || row.suppressed || row.nforms < 0 || row.msgid.end == row.msgid.start) {
            if (push4(&d->full, r, row.start, row.end, line) < 0)
                return -1;
            continue;
        }
        int untranslated = 0;
        for (int f = 0; f < row.nforms; f++)
            if (row.forms[f].end == row.forms[f].start)
                untranslated = 1;
        if (untranslated)
            continue; /* the term rules skip it */
        int markup;
        Py_ssize_t ns = text_of(b, &row.msgid, &g->dbuf1, &g->d1cap, &markup);
        if (ns == -2)
            return -1;
        if (ns == -1 || markup) {
            if (push4(&d->full, r, row.start, row.end, line) < 0)
                return -1;
            continue;
        }
        /* Form by form; a row that turns out to need the full read may already have a
         * pair among the unsure ones: the caller takes the union. */
        for (int f = 0; f < row.nforms; f++) {
            Py_ssize_t nt = text_of(b, &row.forms[f], &g->dbuf2, &g->d2cap, &markup);
            if (nt == -2)
                return -1;
            /* an escape the reader rejects (the full read reports it), or markup */
            if (nt == -1 || markup) {
                if (push4(&d->full, r, row.start, row.end, line) < 0)
                    return -1;
                break;
            }
            int32_t rec[PAIR_HITS];
            Py_ssize_t mark = d->pos.n;
            if (gather_pair(g, &s->tgt, &s->src, g->dbuf1, ns, g->dbuf2, nt, &d->pos, &d->slots, 1, rec) < 0)
                return -1;
            /* Judged here when no test of it is on Python objects (most pairs): a cleared
             * pair is forgotten; the rest are judged (again) when the block is finished. */
            Hits hits = pair_hits(rec, &d->pos, &d->slots);
            int verdict = judge(s, J, g->dbuf1, ns, g->dbuf2, nt, &hits, 1);
            if (verdict == -1)
                return -1;
            if (verdict == 0) {
                d->pos.n = d->slots.n = mark;
                continue;
            }
            if (push4(&d->pairs, r, row.start, row.end, line) < 0
                || push4(&d->pairs, row.msgid.start, row.msgid.end, row.forms[f].start, row.forms[f].end) < 0
                || vec_push(&d->pairs, verdict) < 0)
                return -1;
            for (int i = 0; i < PAIR_HITS; i++)
                if (vec_push(&d->pairs, rec[i]) < 0)
                    return -1;
        }
    }
    d->nrows = nrows;
    return 0;
}

/* Screen.gather(block) -> gathered
 *
 * The first part of `block`, run without the GIL (another thread may run Python the
 * while): block is bytes-like, whole PO entries in UTF-8 with \n newlines (as
 * `iter_po_buffers` cuts them, undecoded), and must stay unchanged until `finish` has
 * read it. One gathering at a time. */
static PyObject *
screen_gather(Screen *s, PyObject *block)
{
    if (s->gathering) {
        PyErr_SetString(PyExc_RuntimeError, "a block is being gathered already");
        return NULL;
    }
    Gathered *d = PyMem_RawCalloc(1, sizeof(Gathered));
    if (d == NULL)
        return PyErr_NoMemory();
    if (PyUnicode_Check(block) || PyObject_GetBuffer(block, &d->view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_SetString(PyExc_TypeError, "block must be bytes-like");
        gathered_free(d);
        return NULL;
    }
    d->held = 1;
    /* The facts known now, for judging without the GIL (finishing may learn more). */
    Judging *J = &s->jg;
    if (J->nfacts != s->nentries) {
        int8_t *facts = PyMem_RawRealloc(J->facts, s->nentries ? s->nentries : 1);
        if (facts == NULL) {
            gathered_free(d);
            return PyErr_NoMemory();
        }
        J->facts = facts;
        J->nfacts = s->nentries;
    }
    memcpy(J->facts, s->facts, s->nentries);
    sync_tests(&s->tgt.verify);
    sync_tests(&s->tgt.exact);
    sync_tests(&s->src.verify);
    sync_tests(&s->src.exact);
    int rc;
    s->gathering = 1;
    Py_BEGIN_ALLOW_THREADS
    rc = gather_block(s, d);
    Py_END_ALLOW_THREADS
    s->gathering = 0;
    if (rc < 0) {
        gathered_free(d);
        return PyErr_NoMemory();
    }
    PyObject *capsule = PyCapsule_New(d, GATHERED, gathered_destructor);
    if (capsule == NULL)
        gathered_free(d);
    return capsule;
}

/* Screen.finish(gathered) -> (rows, full, unsure), or None
 *
 * rows: how many rows the block has; full: (row, start, end, line) of the rows to read in
 * full (not simple, the header, suppressed, escapes the reader rejects, markup); unsure:
 * (row, start, end, line, source, translation, reason) of the pairs the fast pass could
 * not clear, for the exact screen (`reason`: why, as `judge` returns it). `start` and
 * `end` are byte offsets; `line` counts the newlines of the block before the row. Rows
 * without a translation are cleared. None: the block is not valid UTF-8 (decoding it
 * raises the error a full read would). A gathering is finished once. */
static PyObject *
screen_finish(Screen *s, PyObject *capsule)
{
    Gathered *d = PyCapsule_GetPointer(capsule, GATHERED);
    if (d == NULL)
        return NULL;
    if (d->finished) {
        PyErr_SetString(PyExc_RuntimeError, "this block is finished already");
        return NULL;
    }
    d->finished = 1;
    PyObject *full = NULL, *unsure = NULL, *result = NULL;
    if (d->invalid) {
        result = Py_None;
        Py_INCREF(result);
        goto done;
    }
    const uint8_t *b = (const uint8_t *)d->view.buf;
    if ((full = PyList_New(0)) == NULL || (unsure = PyList_New(0)) == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < d->full.n; i += 4) {
        const int32_t *v = d->full.v + i;
        PyObject *item = Py_BuildValue("(iiii)", v[0], v[1], v[2], v[3]);
        if (item == NULL || PyList_Append(full, item) < 0) {
            Py_XDECREF(item);
            goto done;
        }
        Py_DECREF(item);
    }
    for (Py_ssize_t i = 0; i < d->pairs.n; i += PAIR_FIELDS) {
        const int32_t *v = d->pairs.v + i;
        Str msgid = {v[4], v[5]}, form = {v[6], v[7]};
        int markup;
        Scratch *x = &s->jx.x;
        Py_ssize_t ns = text_of(b, &msgid, &x->dbuf1, &x->d1cap, &markup);
        Py_ssize_t nt = ns < 0 ? ns : text_of(b, &form, &x->dbuf2, &x->d2cap, &markup);
        if (nt < 0)
            goto done; /* (memory: both decoded the same way when gathered) */
        int verdict = v[8];
        if (verdict == LATER) {
            Hits hits = pair_hits(v + 9, &d->pos, &d->slots);
            verdict = judge(s, &s->jx, x->dbuf1, ns, x->dbuf2, nt, &hits, 0);
        }
        if (verdict < 0)
            goto done;
        if (verdict) {
            PyObject *source = ucs4(x->dbuf1, ns), *target = source ? ucs4(x->dbuf2, nt) : NULL;
            PyObject *item = target ? Py_BuildValue("(iiiiOOi)", v[0], v[1], v[2], v[3], source, target, verdict) : NULL;
            Py_XDECREF(source);
            Py_XDECREF(target);
            if (item == NULL)
                goto done;
            int rc = PyList_Append(unsure, item);
            Py_DECREF(item);
            if (rc < 0)
                goto done;
        }
    }
    result = Py_BuildValue("(nOO)", d->nrows, full, unsure);
done:
    if (d->held) {
        PyBuffer_Release(&d->view);
        d->held = 0;
    }
    Py_XDECREF(full);
    Py_XDECREF(unsure);
    if (result == NULL && !PyErr_Occurred())
        PyErr_NoMemory();
    return result;
}

/* Screen.block(block) -> (rows, full, unsure), or None: gather and finish in one (see
 * both). */
static PyObject *
screen_block(Screen *s, PyObject *block)
{
    PyObject *gathered = screen_gather(s, block);
    if (gathered == NULL)
        return NULL;
    PyObject *result = screen_finish(s, gathered);
    Py_DECREF(gathered);
    return result;
}

/* Screen.pair(source, translation) -> int: the fast pass's verdict on one pair (tests). */
static PyObject *
screen_pair(Screen *s, PyObject *args)
{
    PyObject *source, *target;
    if (!PyArg_ParseTuple(args, "UU:pair", &source, &target))
        return NULL;
    Py_UCS4 *a = PyUnicode_AsUCS4Copy(source);
    Py_UCS4 *b = a ? PyUnicode_AsUCS4Copy(target) : NULL;
    PyObject *result = NULL;
    if (b != NULL) {
        int32_t rec[PAIR_HITS];
        Scratch *x = &s->jx.x;
        x->pos.n = x->slots.n = 0;
        int verdict = gather_pair(x, &s->tgt, &s->src, (uint32_t *)a, PyUnicode_GET_LENGTH(source), (uint32_t *)b,
                                  PyUnicode_GET_LENGTH(target), &x->pos, &x->slots, 0, rec);
        if (verdict == 0) {
            Hits hits = pair_hits(rec, &x->pos, &x->slots);
            verdict = judge(s, &s->jx, (uint32_t *)a, PyUnicode_GET_LENGTH(source), (uint32_t *)b,
                            PyUnicode_GET_LENGTH(target), &hits, 0);
        }
        if (verdict >= 0)
            result = PyLong_FromLong(verdict);
        else if (!PyErr_Occurred())
            PyErr_NoMemory();
    }
    PyMem_Free(a);
    PyMem_Free(b);
    return result;
}

static PyMethodDef screen_methods[] = {
    {"block", (PyCFunction)screen_block, METH_O,
     "block(data) -> (rows, full, unsure), or None: screen a block of whole PO entries (UTF-8 bytes)."},
    {"gather", (PyCFunction)screen_gather, METH_O,
     "gather(data) -> gathered: the first part of block(), without the GIL."},
    {"finish", (PyCFunction)screen_finish, METH_O,
     "finish(gathered) -> (rows, full, unsure), or None: the rest of block()."},
    {"pair", (PyCFunction)screen_pair, METH_VARARGS,
     "pair(source, translation) -> int: 0 when the fast pass clears the pair, else why not (see judge)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScreenType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "termguard._cscreen.Screen",
    .tp_basicsize = sizeof(Screen),
    .tp_dealloc = (destructor)screen_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Screen(...): the term screen's block pass (see termguard.screen).",
    .tp_methods = screen_methods,
    .tp_new = screen_new,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "termguard._cscreen",
    "The term screen's block pass in C (see termguard.screen).", -1, NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__cscreen(void)
{
    if (PyType_Ready(&AutomatonType) < 0 || PyType_Ready(&ScreenType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&AutomatonType);
    Py_INCREF(&ScreenType);
    if (PyModule_AddObject(m, "Automaton", (PyObject *)&AutomatonType) < 0
        || PyModule_AddObject(m, "Screen", (PyObject *)&ScreenType) < 0)
        return NULL;
    return m;
}
