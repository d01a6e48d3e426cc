/* The hot loop of the catalog's name reading, compiled: `_scan` of words.py over word ids.
 *
 * The phrase tables `_scan` reads (stop phrases, conditions, verbs of use, used objects)
 * are one trie of word ids here, built by words.py (`_compiled_scanner`): a phrase held at
 * a place is a walk from that word. The Python `_scan` is this code's twin and its test
 * oracle (tests/catalog/test_catalog_compiled.py): both must return the same, and words.py
 * uses the Python one wherever this module was not built.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <math.h>
#include <string.h>

/* Phrases of word ids as a trie: node 0 the root, each edge (parent, word id) -> child in
 * an open-addressing hash. */
typedef struct {
    uint64_t *keys;       /* (parent << 32 | word id) + 1; 0 = an empty slot */
    uint32_t *children;
    Py_ssize_t mask;      /* slots - 1 (a power of two) */
    Py_ssize_t n_nodes;
} Trie;

static inline Py_ssize_t
trie_slot(const Trie *t, uint64_t key)
{
    return (Py_ssize_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & t->mask;
}

/* The child of `node` by `word`, 0 when none (word id 0: a word of no phrase). */
static inline uint32_t
trie_child(const Trie *t, uint32_t node, uint32_t word)
{
    if (!word)
        return 0;
    uint64_t key = (((uint64_t)node << 32) | word) + 1;
    for (Py_ssize_t slot = trie_slot(t, key);; slot = (slot + 1) & t->mask) {
        uint64_t k = t->keys[slot];
        if (k == key)
            return t->children[slot];
        if (!k)
            return 0;
    }
}

/* The trie of `edges` (a list of (parent, word id, child)) over `n_nodes` nodes and word ids
   below `n_words`. */
static int
trie_build(Trie *t, PyObject *edges, Py_ssize_t n_nodes, Py_ssize_t n_words)
{
    if (t->keys) {
        PyErr_SetString(PyExc_RuntimeError, "built once");
        return -1;
    }
    if (!PyList_Check(edges) || n_nodes < 1 || n_nodes > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "a trie: a list of edges and 1.. nodes expected");
        return -1;
    }
    Py_ssize_t n_edges = PyList_GET_SIZE(edges), slots = 16;
    while (slots < 2 * n_edges + 2)
        slots <<= 1;
    t->mask = slots - 1;
    t->n_nodes = n_nodes;
    t->keys = PyMem_Calloc(slots, sizeof(uint64_t));
    t->children = PyMem_Calloc(slots, sizeof(uint32_t));
    if (!t->keys || !t->children) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t e = 0; e < n_edges; e++) {
        unsigned long parent, word, child;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(edges, e), "kkk", &parent, &word, &child))
            return -1;
        if (parent >= (unsigned long)n_nodes || child >= (unsigned long)n_nodes || !child
                || !word || word >= (unsigned long)n_words) {
            PyErr_SetString(PyExc_ValueError, "a trie edge out of range");
            return -1;
        }
        uint64_t key = (((uint64_t)parent << 32) | word) + 1;
        Py_ssize_t slot = trie_slot(t, key);
        while (t->keys[slot] && t->keys[slot] != key)
            slot = (slot + 1) & t->mask;
        t->keys[slot] = key;
        t->children[slot] = (uint32_t)child;
    }
    return 0;
}

static void
trie_free(Trie *t)
{
    PyMem_Free(t->keys);
    PyMem_Free(t->children);
}

typedef struct {
    PyObject_HEAD
    PyObject *word_ids;   /* dict: word -> id (1..), every word of the tables */
    Trie trie;
    uint8_t *stop;        /* per node: ends a stop phrase */
    int32_t *cond;        /* per node: index of its condition, or -1 */
    int32_t *verb;        /* per node: index of its verb of use, or -1 */
    int32_t *used;        /* per node: index of its used object, or -1 */
    PyObject *cond_names; /* tuples of str */
    PyObject *verb_names;
    PyObject *used_names;
    uint8_t *sized;       /* per condition: a denominator's size (`Words.sized`) */
    Py_ssize_t n_conds;
    uint8_t *number_word; /* per word id: a number in words (`Words.number_words`) */
    Py_ssize_t n_words;
    PyObject *size_unread; /* str or None */
    PyObject *one;        /* "1" */
    /* where the counted object starts and what it is (words.py `_head`, the objects, `_said`) */
    int32_t *object;      /* per node: index of its counted object, or -1 */
    int32_t *listed;      /* per node: index of its listed object ("thôn, trường học"), or -1 */
    int32_t *measuring;   /* per node: index of its measuring noun's family, or -1 */
    uint8_t *not_measuring, *predicate, *bare;  /* per node: ends such a phrase */
    uint8_t *filler;      /* per word id: a filler after the measuring noun ("các") */
    PyObject *object_names, *listed_names, *families;  /* tuples (families: str or None) */
    PyObject *said_bare, *said_predicated;
    /* the phrase sets words.py `_holds_any` asks about: per node, the sets (bits) one of whose
       phrases ends there; what the last name asked about holds (its tuple kept) */
    uint64_t *held;
    PyObject *last_seq;
    uint64_t last_held;
} Scanner;

static void
Scanner_dealloc(Scanner *self)
{
    Py_XDECREF(self->word_ids);
    Py_XDECREF(self->cond_names);
    Py_XDECREF(self->verb_names);
    Py_XDECREF(self->used_names);
    Py_XDECREF(self->size_unread);
    Py_XDECREF(self->one);
    trie_free(&self->trie);
    PyMem_Free(self->held);
    Py_XDECREF(self->last_seq);
    PyMem_Free(self->object);
    PyMem_Free(self->listed);
    PyMem_Free(self->measuring);
    PyMem_Free(self->not_measuring);
    PyMem_Free(self->predicate);
    PyMem_Free(self->bare);
    PyMem_Free(self->filler);
    Py_XDECREF(self->object_names);
    Py_XDECREF(self->listed_names);
    Py_XDECREF(self->families);
    Py_XDECREF(self->said_bare);
    Py_XDECREF(self->said_predicated);
    PyMem_Free(self->stop);
    PyMem_Free(self->cond);
    PyMem_Free(self->verb);
    PyMem_Free(self->used);
    PyMem_Free(self->sized);
    PyMem_Free(self->number_word);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
read_indices(PyObject *seq, Py_ssize_t n, int32_t *out, Py_ssize_t limit, const char *what)
{
    if (!PyTuple_Check(seq) || PyTuple_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_ValueError, "%s: a tuple of %zd ints expected", what, n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        long v = PyLong_AsLong(PyTuple_GET_ITEM(seq, i));
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < -1 || v >= limit) {
            PyErr_Format(PyExc_ValueError, "%s: index %ld out of range", what, v);
            return -1;
        }
        out[i] = (int32_t)v;
    }
    return 0;
}

/* A new array of n items of `size` bytes (NULL with MemoryError). */
static void *
new_array(Py_ssize_t n, size_t size)
{
    void *array = PyMem_Malloc((n ? n : 1) * size);
    if (!array)
        PyErr_NoMemory();
    return array;
}

static int
read_flags(PyObject *bytes, Py_ssize_t n, uint8_t **out, const char *what)
{
    if (!PyBytes_Check(bytes) || PyBytes_GET_SIZE(bytes) != n) {
        PyErr_Format(PyExc_ValueError, "%s: %zd bytes expected", what, n);
        return -1;
    }
    if (!(*out = new_array(n, 1)))
        return -1;
    memcpy(*out, PyBytes_AS_STRING(bytes), n);
    return 0;
}

/* Scanner(word_ids, edges, n_nodes, stop, cond, verb, used, cond_names, verb_names,
 *         used_names, sized, number_word, size_unread, object, object_names, listed,
 *         listed_names, measuring, families, not_measuring, predicate, bare, filler, held) */
static int
Scanner_init(Scanner *self, PyObject *args, PyObject *kwds)
{
    PyObject *word_ids, *edges, *stop, *cond, *verb, *used, *cond_names, *verb_names;
    PyObject *used_names, *sized, *number_word, *size_unread, *object, *object_names;
    PyObject *listed, *listed_names, *measuring, *families, *not_measuring, *predicate, *bare;
    PyObject *filler, *held;
    Py_ssize_t n_nodes;
    if (!PyArg_ParseTuple(args, "O!O!nSO!O!O!O!O!O!SSOO!O!O!O!O!O!SSSSO!", &PyDict_Type,
                          &word_ids, &PyList_Type, &edges, &n_nodes, &stop, &PyTuple_Type,
                          &cond, &PyTuple_Type, &verb, &PyTuple_Type, &used, &PyTuple_Type,
                          &cond_names, &PyTuple_Type, &verb_names, &PyTuple_Type, &used_names,
                          &sized, &number_word, &size_unread, &PyTuple_Type, &object,
                          &PyTuple_Type, &object_names, &PyTuple_Type, &listed, &PyTuple_Type,
                          &listed_names, &PyTuple_Type, &measuring, &PyTuple_Type, &families,
                          &not_measuring, &predicate, &bare, &filler, &PyTuple_Type, &held))
        return -1;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(object_names); k++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(object_names, k))) {
            PyErr_SetString(PyExc_ValueError, "Scanner: object names are str");
            return -1;
        }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(listed_names); k++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(listed_names, k))) {
            PyErr_SetString(PyExc_ValueError, "Scanner: listed names are str");
            return -1;
        }
    self->n_conds = PyTuple_GET_SIZE(cond_names);
    self->n_words = PyBytes_GET_SIZE(number_word);
    if (trie_build(&self->trie, edges, n_nodes, self->n_words) < 0)
        return -1;
    if (!(self->cond = new_array(n_nodes, sizeof(int32_t)))
            || !(self->verb = new_array(n_nodes, sizeof(int32_t)))
            || !(self->used = new_array(n_nodes, sizeof(int32_t)))
            || !(self->object = new_array(n_nodes, sizeof(int32_t)))
            || !(self->listed = new_array(n_nodes, sizeof(int32_t)))
            || !(self->measuring = new_array(n_nodes, sizeof(int32_t))))
        return -1;
    if (read_indices(object, n_nodes, self->object, PyTuple_GET_SIZE(object_names),
                     "object") < 0
            || read_indices(listed, n_nodes, self->listed, PyTuple_GET_SIZE(listed_names),
                            "listed") < 0
            || read_indices(measuring, n_nodes, self->measuring, PyTuple_GET_SIZE(families),
                            "measuring") < 0
            || read_flags(not_measuring, n_nodes, &self->not_measuring, "not_measuring") < 0
            || read_flags(predicate, n_nodes, &self->predicate, "predicate") < 0
            || read_flags(bare, n_nodes, &self->bare, "bare") < 0
            || read_flags(filler, PyBytes_GET_SIZE(number_word), &self->filler, "filler") < 0)
        return -1;
    if (PyTuple_GET_SIZE(held) != n_nodes) {
        PyErr_SetString(PyExc_ValueError, "Scanner: held, one int per node");
        return -1;
    }
    if (!(self->held = new_array(n_nodes, sizeof(uint64_t))))
        return -1;
    for (Py_ssize_t k = 0; k < n_nodes; k++) {
        self->held[k] = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(held, k));
        if (self->held[k] == (uint64_t)-1 && PyErr_Occurred())
            return -1;
    }
    if (!(self->said_bare = PyUnicode_FromString("bare"))
            || !(self->said_predicated = PyUnicode_FromString("predicated")))
        return -1;
    self->object_names = Py_NewRef(object_names);
    self->listed_names = Py_NewRef(listed_names);
    self->families = Py_NewRef(families);
    if (read_flags(stop, n_nodes, &self->stop, "stop") < 0
            || read_indices(cond, n_nodes, self->cond, self->n_conds, "cond") < 0
            || read_indices(verb, n_nodes, self->verb, PyTuple_GET_SIZE(verb_names), "verb") < 0
            || read_indices(used, n_nodes, self->used, PyTuple_GET_SIZE(used_names), "used") < 0
            || read_flags(sized, self->n_conds, &self->sized, "sized") < 0
            || read_flags(number_word, self->n_words, &self->number_word, "number_word") < 0)
        return -1;
    self->one = PyUnicode_FromString("1");
    if (!self->one)
        return -1;
    Py_INCREF(word_ids);
    self->word_ids = word_ids;
    Py_INCREF(cond_names);
    self->cond_names = cond_names;
    Py_INCREF(verb_names);
    self->verb_names = verb_names;
    Py_INCREF(used_names);
    self->used_names = used_names;
    Py_INCREF(size_unread);
    self->size_unread = size_unread;
    return 0;
}

/* str.isdigit */
static int
is_digit(PyObject *word)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    if (!n)
        return 0;
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, i)))
            return 0;
    return 1;
}

/* Whether seq[start:start + length] is a phrase of the conditions. */
static int
holds_condition(const Scanner *s, const uint32_t *ids, Py_ssize_t n, Py_ssize_t start,
                Py_ssize_t length)
{
    uint32_t node = 0;
    Py_ssize_t end = start + length < n ? start + length : n;
    for (Py_ssize_t j = start; j < end; j++) {
        node = trie_child(&s->trie, node, ids[j]);
        if (!node)
            return 0;
    }
    return end > start && s->cond[node] >= 0;
}

/* `_found_at`: the condition of seq[i:i + length], or the size unread after a number. */
static int
found_at(const Scanner *s, PyObject *seq, const uint32_t *ids, const uint8_t *digits,
         Py_ssize_t n, Py_ssize_t i, Py_ssize_t length, int32_t condition, PyObject *found)
{
    if (i && s->sized[condition]) {
        PyObject *before = PyTuple_GET_ITEM(seq, i - 1);
        int is_one = PyUnicode_Compare(before, s->one) == 0;
        if (!is_one && (digits[i - 1] || s->number_word[ids[i - 1]])) {
            if (!holds_condition(s, ids, n, i - 1, length + 1) && s->size_unread != Py_None
                    && PyObject_IsTrue(s->size_unread))
                return PySet_Add(found, s->size_unread);
            return 0;
        }
    }
    return PySet_Add(found, PyTuple_GET_ITEM(s->cond_names, condition));
}

#define MAX_HELD 32

/* The deepest node at or below `at` of a phrase starting at `start` whose `field` is set
   (a per-node int32 array, -1 = unset): its value, and its length in *length. */
static int32_t
deepest(const Scanner *s, const int32_t *field, const uint32_t *ids, Py_ssize_t n,
        Py_ssize_t start, Py_ssize_t *length)
{
    int32_t found = -1;
    uint32_t node = 0;
    *length = 0;
    for (Py_ssize_t j = start; j < n; j++) {
        node = trie_child(&s->trie, node, ids[j]);
        if (!node)
            break;
        if (field[node] >= 0) {
            found = field[node];
            *length = j - start + 1;
        }
    }
    return found;
}

/* Whether a phrase ending at a node flagged in `flags` starts at `start`. */
static int
holds_at(const Scanner *s, const uint8_t *flags, const uint32_t *ids, Py_ssize_t n,
         Py_ssize_t start)
{
    uint32_t node = 0;
    for (Py_ssize_t j = start; j < n; j++) {
        node = trie_child(&s->trie, node, ids[j]);
        if (!node)
            return 0;
        if (flags[node])
            return 1;
    }
    return 0;
}

/* (head, family, object, its length, said): words.py `_head` (a name opening with no
   opener), the counted object there with a listed one, and `_said` after it. */
static PyObject *
read_head(const Scanner *s, const uint32_t *ids, const uint8_t *digits, Py_ssize_t n)
{
    Py_ssize_t i = 0, length = 0, more = 0;
    PyObject *family = Py_None, *object = NULL, *said = Py_None, *result;
    while (i < n && digits[i])
        i++;
    if (i < n && !holds_at(s, s->not_measuring, ids, n, i)) {
        int32_t noun = deepest(s, s->measuring, ids, n, i, &length);
        if (noun >= 0) {
            family = PyTuple_GET_ITEM(s->families, noun);
            i += length;
        }
    }
    while (i < n && s->filler[ids[i]])
        i++;
    int32_t found = deepest(s, s->object, ids, n, i, &length);
    if (found < 0)
        return Py_BuildValue("(nOOnO)", i, family, Py_None, (Py_ssize_t)0, Py_None);
    object = Py_NewRef(PyTuple_GET_ITEM(s->object_names, found));
    int32_t other = deepest(s, s->listed, ids, n, i + length, &more);
    if (other >= 0) {
        PyObject *listed = PyTuple_GET_ITEM(s->listed_names, other);
        int same = PyUnicode_Compare(listed, object) == 0;
        if (!same) {
            Py_SETREF(object, PyUnicode_FromFormat("%U+%U", object, listed));
            if (!object)
                return NULL;
            length += more;
        }
    }
    Py_ssize_t after = i + length;
    if (after >= n || holds_at(s, s->bare, ids, n, after))
        said = s->said_bare;
    else if (holds_at(s, s->predicate, ids, n, after))
        said = s->said_predicated;
    result = Py_BuildValue("(nOOnO)", i, family, object, length, said);
    Py_DECREF(object);
    return result;
}

/* scan(seq) -> (content words, conditions, used): `_scan` of words.py. */
static PyObject *
scan_words(Scanner *self, PyObject *seq, int with_head)
{
    if (!PyTuple_Check(seq)) {
        PyErr_SetString(PyExc_TypeError, "scan: a tuple of words expected");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    uint32_t ids_small[64];
    uint8_t digits_small[64];
    uint32_t *ids = ids_small;
    uint8_t *digits = digits_small;
    PyObject *out = NULL, *found = NULL, *used = NULL, *result = NULL;
    if (n > 64) {
        ids = PyMem_Malloc(n * sizeof(uint32_t));
        digits = PyMem_Malloc(n);
        if (!ids || !digits) {
            PyErr_NoMemory();
            goto done;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyTuple_GET_ITEM(seq, i);
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "scan: words are str");
            goto done;
        }
        PyObject *id = PyDict_GetItemWithError(self->word_ids, word);
        if (!id && PyErr_Occurred())
            goto done;
        ids[i] = id ? (uint32_t)PyLong_AsUnsignedLong(id) : 0;
        digits[i] = (uint8_t)is_digit(word);
    }
    out = PyList_New(0);
    found = PySet_New(NULL);
    if (!out || !found)
        goto done;
    Py_ssize_t covered = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int32_t conds[MAX_HELD], cond_lengths[MAX_HELD], verbs[MAX_HELD];
        int32_t verb_lengths[MAX_HELD], verb_ends[MAX_HELD];
        int n_conds = 0, n_verbs = 0, is_stop = 0;
        Py_ssize_t longest_stop = 0;
        uint32_t node = 0;
        for (Py_ssize_t j = i; j < n; j++) {
            node = trie_child(&self->trie, node, ids[j]);
            if (!node)
                break;
            Py_ssize_t depth = j - i + 1;
            if (self->stop[node]) {
                if (depth == 1)
                    is_stop = 1;
                else
                    longest_stop = depth;
            }
            if (self->cond[node] >= 0 && n_conds < MAX_HELD) {
                conds[n_conds] = self->cond[node];
                cond_lengths[n_conds++] = (int32_t)depth;
            }
            if (self->verb[node] >= 0 && n_verbs < MAX_HELD) {
                verbs[n_verbs] = self->verb[node];
                verb_ends[n_verbs] = (int32_t)(j + 1);
                verb_lengths[n_verbs++] = (int32_t)depth;
            }
        }
        if (!is_stop && !longest_stop && !n_conds && !n_verbs && !digits[i]) {
            if (i >= covered && PyList_Append(out, PyTuple_GET_ITEM(seq, i)) < 0)
                goto done;
            continue;
        }
        for (int c = 0; c < n_conds; c++)
            if (found_at(self, seq, ids, digits, n, i, cond_lengths[c], conds[c], found) < 0)
                goto done;
        if (!used) {
            for (int v = n_verbs - 1; v >= 0; v--) {  /* the longest verb first */
                int32_t object = -1;
                uint32_t at = 0;
                for (Py_ssize_t j = verb_ends[v]; j < n; j++) {
                    at = trie_child(&self->trie, at, ids[j]);
                    if (!at)
                        break;
                    if (self->used[at] >= 0)
                        object = self->used[at];
                }
                if (object >= 0) {
                    used = PyUnicode_FromFormat("%U %U",
                                                PyTuple_GET_ITEM(self->verb_names, verbs[v]),
                                                PyTuple_GET_ITEM(self->used_names, object));
                    if (!used)
                        goto done;
                    break;
                }
            }
            (void)verb_lengths;
        }
        if (i < covered)
            continue;
        if (longest_stop)
            covered = i + longest_stop;
        else if (is_stop)
            covered = i + 1;
        else if (!digits[i] && PyList_Append(out, PyTuple_GET_ITEM(seq, i)) < 0)
            goto done;
    }
    if (with_head) {
        PyObject *head = read_head(self, ids, digits, n);
        if (head) {
            result = PyTuple_Pack(6, out, found, used ? used : Py_None,
                                  PyTuple_GET_ITEM(head, 1), PyTuple_GET_ITEM(head, 2),
                                  PyTuple_GET_ITEM(head, 4));
            Py_DECREF(head);
        }
    }
    else
        result = PyTuple_Pack(3, out, found, used ? used : Py_None);
done:
    Py_XDECREF(out);
    Py_XDECREF(found);
    Py_XDECREF(used);
    if (ids != ids_small)
        PyMem_Free(ids);
    if (digits != digits_small)
        PyMem_Free(digits);
    return result;
}

static PyObject *
Scanner_scan(Scanner *self, PyObject *seq)
{
    return scan_words(self, seq, 0);
}

/* holds(seq, bit) -> whether `seq` holds a phrase of the set `bit` anywhere (words.py
 * `_holds_any`); the sets `seq` holds are found once for the last seq asked about. */
static PyObject *
Scanner_holds(Scanner *self, PyObject *const *args, Py_ssize_t n_args)
{
    if (n_args != 2 || !PyTuple_Check(args[0]) || !PyLong_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "holds(words: tuple, bit: int)");
        return NULL;
    }
    PyObject *seq = args[0];
    long bit = PyLong_AsLong(args[1]);
    if (bit < 0 || bit > 63) {
        PyErr_SetString(PyExc_ValueError, "holds: bit out of range");
        return NULL;
    }
    if (seq != self->last_seq) {
        Py_ssize_t n = PyTuple_GET_SIZE(seq);
        uint32_t ids_small[64], *ids = n > 64 ? PyMem_Malloc(n * sizeof(uint32_t)) : ids_small;
        if (!ids)
            return PyErr_NoMemory();
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *word = PyTuple_GET_ITEM(seq, i);
            PyObject *id = PyUnicode_Check(word)
                ? PyDict_GetItemWithError(self->word_ids, word) : NULL;
            if (!id && PyErr_Occurred()) {
                if (ids != ids_small)
                    PyMem_Free(ids);
                return NULL;
            }
            ids[i] = id ? (uint32_t)PyLong_AsUnsignedLong(id) : 0;
        }
        uint64_t held = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            uint32_t node = 0;
            for (Py_ssize_t j = i; j < n; j++) {
                node = trie_child(&self->trie, node, ids[j]);
                if (!node)
                    break;
                held |= self->held[node];
            }
        }
        if (ids != ids_small)
            PyMem_Free(ids);
        Py_XSETREF(self->last_seq, Py_NewRef(seq));
        self->last_held = held;
    }
    return PyBool_FromLong((long)(self->last_held >> bit & 1));
}

static PyObject *
Scanner_read(Scanner *self, PyObject *seq)
{
    return scan_words(self, seq, 1);
}

static PyMethodDef Scanner_methods[] = {
    {"scan", (PyCFunction)Scanner_scan, METH_O,
     "scan(words) -> (content words, conditions, used): words.py `_scan`"},
    {"holds", (PyCFunction)(void (*)(void))Scanner_holds, METH_FASTCALL,
     "holds(words, bit) -> whether the words hold a phrase of the set `bit` (`_holds_any`)"},
    {"read", (PyCFunction)Scanner_read, METH_O,
     "read(words) -> scan's three, then the family, the counted object, said"},
    {NULL, NULL, 0, NULL},
};


/* ------------------------------------------------------------------ the words of a name */

/* A piece of a name read before, kept by its characters: looked up without making a str. */
typedef struct {
    uint64_t hash;        /* 0: an empty slot */
    Py_ssize_t length;
    Py_UCS4 *chars;
    PyObject *words;      /* the tuple of its words */
} Piece;

#define PIECE_SLOTS (1 << 17)  /* at most 3/4 of them used: then all are forgotten */

typedef struct {
    PyObject_HEAD
    PyObject *pieces;     /* dict: a piece of a plain text -> its words (words.py `_Pieces`) */
    Piece *known;         /* the pieces found in `pieces` so far (PIECE_SLOTS) */
    Py_ssize_t n_known;
    PyObject *word_ids;   /* dict: each word of the replaced phrases -> its id (1..) */
    Py_ssize_t n_words;
    Trie tries[2];        /* the abbreviations' phrases, then the synonyms' */
    PyObject *values[2];  /* per node: the words its phrase is replaced by (a tuple), or None */
    PyObject *locality[2]; /* what a locality opens with ("ủa", "ỦA"), or NULL: none read */
} Tokenizer;

static void
forget_pieces(Tokenizer *self)
{
    for (Py_ssize_t i = 0; self->known && i < PIECE_SLOTS; i++) {
        Piece *piece = &self->known[i];
        if (piece->hash) {
            PyMem_Free(piece->chars);
            Py_DECREF(piece->words);
            piece->hash = 0;
        }
    }
    self->n_known = 0;
}

static void
Tokenizer_dealloc(Tokenizer *self)
{
    forget_pieces(self);
    PyMem_Free(self->known);
    Py_XDECREF(self->pieces);
    Py_XDECREF(self->word_ids);
    for (int k = 0; k < 2; k++) {
        trie_free(&self->tries[k]);
        Py_XDECREF(self->values[k]);
        Py_XDECREF(self->locality[k]);
    }
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Tokenizer(pieces, word_ids, n_words, abbreviation edges, their values, synonym edges,
 *           their values, locality openings (a tuple of str, empty: no locality read)) */
static int
Tokenizer_init(Tokenizer *self, PyObject *args, PyObject *kwds)
{
    PyObject *pieces, *word_ids, *edges[2], *values[2], *locality;
    Py_ssize_t n_words;
    if (self->known) {
        PyErr_SetString(PyExc_RuntimeError, "Tokenizer is built once");
        return -1;
    }
    if (!PyArg_ParseTuple(args, "O!O!nO!O!O!O!O!", &PyDict_Type, &pieces, &PyDict_Type,
                          &word_ids, &n_words, &PyList_Type, &edges[0], &PyTuple_Type,
                          &values[0], &PyList_Type, &edges[1], &PyTuple_Type, &values[1],
                          &PyTuple_Type, &locality))
        return -1;
    if (PyTuple_GET_SIZE(locality) != 0 && PyTuple_GET_SIZE(locality) != 2) {
        PyErr_SetString(PyExc_ValueError, "Tokenizer: two locality openings, or none");
        return -1;
    }
    for (int k = 0; k < 2; k++) {
        Py_ssize_t n_nodes = PyTuple_GET_SIZE(values[k]);
        if (trie_build(&self->tries[k], edges[k], n_nodes, n_words) < 0)
            return -1;
        for (Py_ssize_t i = 0; i < n_nodes; i++) {
            PyObject *v = PyTuple_GET_ITEM(values[k], i);
            if (v != Py_None && !PyTuple_Check(v)) {
                PyErr_SetString(PyExc_ValueError, "Tokenizer: values are tuples or None");
                return -1;
            }
            for (Py_ssize_t j = 0; v != Py_None && j < PyTuple_GET_SIZE(v); j++)
                if (!PyUnicode_Check(PyTuple_GET_ITEM(v, j))) {
                    PyErr_SetString(PyExc_ValueError, "Tokenizer: words are str");
                    return -1;
                }
        }
        self->values[k] = Py_NewRef(values[k]);
        if (PyTuple_GET_SIZE(locality)) {
            PyObject *opening = PyTuple_GET_ITEM(locality, k);
            if (!PyUnicode_Check(opening)) {
                PyErr_SetString(PyExc_ValueError, "Tokenizer: locality openings are str");
                return -1;
            }
            self->locality[k] = Py_NewRef(opening);
        }
    }
    self->n_words = n_words;
    self->known = PyMem_Calloc(PIECE_SLOTS, sizeof(Piece));
    if (!self->known) {
        PyErr_NoMemory();
        return -1;
    }
    self->pieces = Py_NewRef(pieces);
    self->word_ids = Py_NewRef(word_ids);
    return 0;
}

/* The words of text[start:end] (a borrowed tuple), NULL when the piece was not read before
   (or on error). */
static PyObject *
words_of_piece(Tokenizer *self, PyObject *text, int kind, const void *data, Py_ssize_t start,
               Py_ssize_t end)
{
    uint64_t hash = 1469598103934665603ull;
    for (Py_ssize_t i = start; i < end; i++)
        hash = (hash ^ PyUnicode_READ(kind, data, i)) * 1099511628211ull;
    hash |= 1;  /* never 0, the empty slot */
    Py_ssize_t length = end - start, slot = (Py_ssize_t)(hash >> 15) & (PIECE_SLOTS - 1);
    for (;; slot = (slot + 1) & (PIECE_SLOTS - 1)) {
        Piece *piece = &self->known[slot];
        if (!piece->hash)
            break;
        if (piece->hash == hash && piece->length == length) {
            Py_ssize_t i = 0;
            while (i < length && piece->chars[i] == PyUnicode_READ(kind, data, start + i))
                i++;
            if (i == length)
                return piece->words;
        }
    }
    PyObject *key = PyUnicode_Substring(text, start, end);
    if (!key)
        return NULL;
    PyObject *words = PyDict_GetItemWithError(self->pieces, key);
    Py_DECREF(key);
    if (!words || !PyTuple_Check(words))
        return NULL;
    if (self->n_known >= PIECE_SLOTS / 4 * 3) {
        forget_pieces(self);
        slot = (Py_ssize_t)(hash >> 15) & (PIECE_SLOTS - 1);
    }
    Py_UCS4 *chars = PyMem_Malloc((length ? length : 1) * sizeof(Py_UCS4));
    if (!chars)
        return words;  /* found, not kept */
    for (Py_ssize_t i = 0; i < length; i++)
        chars[i] = PyUnicode_READ(kind, data, start + i);
    self->known[slot] = (Piece){hash, length, chars, Py_NewRef(words)};
    self->n_known++;
    return words;
}

/* The ids of `words` (0: a word of no replaced phrase); -1 on error. */
static int
ids_of(Tokenizer *self, PyObject *const *words, Py_ssize_t n, uint32_t *ids)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *id = PyDict_GetItemWithError(self->word_ids, words[i]);
        if (!id && PyErr_Occurred())
            return -1;
        ids[i] = id ? (uint32_t)PyLong_AsUnsignedLong(id) : 0;
    }
    return 0;
}

/* `words` with the phrases of trie k replaced, longest first, left to right (words.py
   `_replace`): a new list, or NULL with no error when nothing is replaced. */
static PyObject *
replaced(Tokenizer *self, int k, PyObject *const *words, const uint32_t *ids, Py_ssize_t n,
         int *failed)
{
    const Trie *trie = &self->tries[k];
    PyObject *out = NULL;
    Py_ssize_t done = 0;
    *failed = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i < done)
            continue;
        uint32_t node = 0;
        Py_ssize_t length = 0;
        PyObject *value = NULL;
        for (Py_ssize_t j = i; j < n; j++) {
            node = trie_child(trie, node, ids[j]);
            if (!node)
                break;
            PyObject *v = PyTuple_GET_ITEM(self->values[k], node);
            if (v != Py_None) {
                value = v;
                length = j - i + 1;
            }
        }
        if (!value)
            continue;
        if (!out && !(out = PyList_New(0)))
            goto error;
        for (Py_ssize_t j = done; j < i; j++)
            if (PyList_Append(out, words[j]) < 0)
                goto error;
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(value); j++)
            if (PyList_Append(out, PyTuple_GET_ITEM(value, j)) < 0)
                goto error;
        done = i + length;
    }
    if (out)
        for (Py_ssize_t j = done; j < n; j++)
            if (PyList_Append(out, words[j]) < 0)
                goto error;
    return out;
error:
    *failed = 1;
    Py_XDECREF(out);
    return NULL;
}

/* tokens(text, locality=True) -> the name's words (words.py `_tokens`), or None where the
 * Python reading must read it: a piece not read before (not in `pieces`), or (`locality`)
 * what may be a locality ("của xã"), which the Python reading cuts before calling again. */
static PyObject *
Tokenizer_tokens(Tokenizer *self, PyObject *const *args, Py_ssize_t n_args)
{
    if (n_args < 1 || n_args > 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "tokens(text: str, locality: bool = True)");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int locality = n_args < 2 || PyObject_IsTrue(args[1]);
    for (int k = 0; k < 2 && locality && self->locality[k]; k++) {
        Py_ssize_t at = PyUnicode_Find(text, self->locality[k], 0, length, 1);
        if (at == -2)
            return NULL;
        if (at >= 0)
            Py_RETURN_NONE;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *found_small[64], **found = found_small;
    Py_ssize_t n_pieces = 1, n = 0, count = 0, start = 0;
    for (Py_ssize_t i = 0; i < length; i++)
        n_pieces += PyUnicode_READ(kind, data, i) == ' ';
    if (n_pieces > 64 && !(found = PyMem_Malloc(n_pieces * sizeof(PyObject *))))
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i <= length; i++) {
        if (i < length && PyUnicode_READ(kind, data, i) != ' ')
            continue;
        /* (an empty piece, of a doubled space, is left to the Python reading) */
        PyObject *words = i > start ? words_of_piece(self, text, kind, data, start, i) : NULL;
        if (!words) {
            if (found != found_small)
                PyMem_Free(found);
            if (PyErr_Occurred())
                return NULL;
            Py_RETURN_NONE;
        }
        found[count++] = words;
        n += PyTuple_GET_SIZE(words);
        start = i + 1;
    }
    PyObject *raw = PyTuple_New(n), *result = NULL, *list = NULL;
    uint32_t ids_small[64], *ids = ids_small;
    if (raw) {
        Py_ssize_t at = 0;
        for (Py_ssize_t k = 0; k < count; k++)
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(found[k]); j++)
                PyTuple_SET_ITEM(raw, at++, Py_NewRef(PyTuple_GET_ITEM(found[k], j)));
    }
    if (found != found_small)
        PyMem_Free(found);
    if (!raw)
        return NULL;
    if (!n) {
        result = raw;  /* (the Python reading returns the empty tuple too) */
        return result;
    }
    if (n > 64 && !(ids = PyMem_Malloc(n * sizeof(uint32_t)))) {
        PyErr_NoMemory();
        goto done;
    }
    if (ids_of(self, &PyTuple_GET_ITEM(raw, 0), n, ids) < 0)
        goto done;
    int failed;
    list = replaced(self, 0, &PyTuple_GET_ITEM(raw, 0), ids, n, &failed);
    if (failed)
        goto done;
    PyObject *const *words = &PyTuple_GET_ITEM(raw, 0);
    Py_ssize_t m = n;
    if (list) {  /* abbreviations expanded: the synonyms are looked for in what they made */
        words = &PyList_GET_ITEM(list, 0);
        m = PyList_GET_SIZE(list);
        if (m > n && ids != ids_small)
            PyMem_Free(ids);
        if (m > n)
            ids = m > 64 ? PyMem_Malloc(m * sizeof(uint32_t)) : ids_small;
        if (!ids) {
            PyErr_NoMemory();
            goto done;
        }
        if (ids_of(self, words, m, ids) < 0)
            goto done;
    }
    PyObject *synonyms = replaced(self, 1, words, ids, m, &failed);
    if (failed)
        goto done;
    if (synonyms) {
        result = PyList_AsTuple(synonyms);
        Py_DECREF(synonyms);
    }
    else
        result = list ? PyList_AsTuple(list) : Py_NewRef(raw);
done:
    Py_DECREF(raw);
    Py_XDECREF(list);
    if (ids != ids_small)
        PyMem_Free(ids);
    return result;
}

static PyMethodDef Tokenizer_methods[] = {
    {"tokens", (PyCFunction)(void (*)(void))Tokenizer_tokens, METH_FASTCALL,
     "tokens(text, locality=True) -> the name's words (words.py `_tokens`), or None"},
    {NULL, NULL, 0, NULL},
};

/* A type of this module: its struct, methods, dealloc and init are Name, Name_methods,
   Name_dealloc and Name_init. */
#define FASTREAD_TYPE(Name, doc)                                  \
    static PyTypeObject Name##Type = {                            \
        PyVarObject_HEAD_INIT(NULL, 0)                            \
        .tp_name = "chitieu.catalog._fastread." #Name,            \
        .tp_basicsize = sizeof(Name),                             \
        .tp_dealloc = (destructor)Name##_dealloc,                 \
        .tp_flags = Py_TPFLAGS_DEFAULT,                           \
        .tp_doc = doc,                                            \
        .tp_methods = Name##_methods,                             \
        .tp_init = (initproc)Name##_init,                         \
        .tp_new = PyType_GenericNew,                              \
    }

FASTREAD_TYPE(Scanner, "The phrase tables of `_scan` as a trie of word ids.");
FASTREAD_TYPE(Tokenizer, "The pieces of names read before, and the phrases `_tokens` replaces.");


/* ------------------------------------------------------------------ the candidates */

/* math.fsum (CPython's msum: exactly rounded, so the same float as math.fsum; at most 64
   partials, which finite doubles of one sign never need). */
static double
exact_sum(const double *values, Py_ssize_t count)
{
    double partials[64], x, y, t, hi, yr, lo = 0.0;
    int i, j, n = 0;
    for (Py_ssize_t k = 0; k < count; k++) {
        x = values[k];
        for (i = j = 0; j < n; j++) {
            y = partials[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                partials[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0 && n < 64)
            partials[n++] = x;
    }
    hi = 0.0;
    if (n > 0) {
        hi = partials[--n];
        while (n > 0) {
            x = hi;
            y = partials[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) ||
                      (lo > 0.0 && partials[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return hi;
}

#define MAX_SHARED 62  /* words a phrasing holds at most (words.py checks) */

typedef struct {
    PyObject_HEAD
    PyObject *word_ids;    /* dict: catalog word -> its index in the vocabulary */
    Py_ssize_t n_words, width;  /* vocabulary size; 64-bit words of a word set */
    double *weights;       /* per word */
    long *quanta;          /* per word: its weight in whole quanta, rounded up */
    Py_ssize_t n_entries;
    uint64_t *entry_words; /* per phrasing: its words, `width` 64-bit words */
    double *entry_weights;
    PyObject *entry_ids;   /* tuple of str: each phrasing's indicator */
    double plain, contained, slack, quanta_per_unit;
    /* the word set `words` made last, with its bits (`best` is asked about it next) */
    PyObject *last_words;
    uint64_t *last_bits;
    /* the masks of compatible members `best` was given, each kept with its bytes (the
       catalog gives the same int for the same signature) */
    PyObject *masks[64], *mask_bytes[64];
} Searcher;

static void
Searcher_dealloc(Searcher *self)
{
    Py_XDECREF(self->word_ids);
    Py_XDECREF(self->entry_ids);
    PyMem_Free(self->weights);
    PyMem_Free(self->quanta);
    PyMem_Free(self->entry_words);
    PyMem_Free(self->entry_weights);
    Py_XDECREF(self->last_words);
    PyMem_Free(self->last_bits);
    for (int k = 0; k < 64; k++) {
        Py_XDECREF(self->masks[k]);
        Py_XDECREF(self->mask_bytes[k]);
    }
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
read_doubles(PyObject *seq, Py_ssize_t n, double **out, const char *what)
{
    if (!PyTuple_Check(seq) || PyTuple_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_ValueError, "%s: a tuple of %zd floats expected", what, n);
        return -1;
    }
    if (!(*out = new_array(n, sizeof(double))))
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        (*out)[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(seq, i));
        if ((*out)[i] == -1.0 && PyErr_Occurred())
            return -1;
    }
    return 0;
}

/* Searcher(word_ids, weights, quanta, entry_words, entry_weights, entry_ids, plain,
 *          contained, slack, quanta_per_unit) */
static int
Searcher_init(Searcher *self, PyObject *args, PyObject *kwds)
{
    PyObject *word_ids, *weights, *quanta, *entry_words, *entry_weights, *entry_ids;
    if (self->weights) {
        PyErr_SetString(PyExc_RuntimeError, "Searcher is built once");
        return -1;
    }
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!dddd", &PyDict_Type, &word_ids, &PyTuple_Type,
                          &weights, &PyTuple_Type, &quanta, &PyTuple_Type, &entry_words,
                          &PyTuple_Type, &entry_weights, &PyTuple_Type, &entry_ids,
                          &self->plain, &self->contained, &self->slack,
                          &self->quanta_per_unit))
        return -1;
    self->n_words = PyTuple_GET_SIZE(weights);
    self->width = (self->n_words + 63) / 64;
    self->n_entries = PyTuple_GET_SIZE(entry_ids);
    if (read_doubles(weights, self->n_words, &self->weights, "weights") < 0
            || read_doubles(entry_weights, self->n_entries, &self->entry_weights,
                            "entry_weights") < 0)
        return -1;
    if (PyTuple_GET_SIZE(quanta) != self->n_words
            || PyTuple_GET_SIZE(entry_words) != self->n_entries) {
        PyErr_SetString(PyExc_ValueError, "Searcher: tables of unequal lengths");
        return -1;
    }
    self->last_bits = PyMem_Calloc(self->width ? self->width : 1, sizeof(uint64_t));
    self->quanta = PyMem_Malloc((self->n_words ? self->n_words : 1) * sizeof(long));
    self->entry_words = PyMem_Calloc((self->n_entries * self->width) ? self->n_entries
                                     * self->width : 1, sizeof(uint64_t));
    if (!self->quanta || !self->entry_words || !self->last_bits) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t w = 0; w < self->n_words; w++) {
        self->quanta[w] = PyLong_AsLong(PyTuple_GET_ITEM(quanta, w));
        if (self->quanta[w] == -1 && PyErr_Occurred())
            return -1;
    }
    for (Py_ssize_t e = 0; e < self->n_entries; e++) {
        PyObject *words = PyTuple_GET_ITEM(entry_words, e);
        if (!PyTuple_Check(words)) {
            PyErr_SetString(PyExc_ValueError, "Searcher: each phrasing's words a tuple");
            return -1;
        }
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(words); k++) {
            long w = PyLong_AsLong(PyTuple_GET_ITEM(words, k));
            if (w < 0 || w >= self->n_words) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_ValueError, "Searcher: word out of range");
                return -1;
            }
            self->entry_words[e * self->width + w / 64] |= 1ull << (w % 64);
        }
        if (!PyUnicode_Check(PyTuple_GET_ITEM(entry_ids, e))) {
            PyErr_SetString(PyExc_ValueError, "Searcher: ids are str");
            return -1;
        }
    }
    Py_INCREF(word_ids);
    self->word_ids = word_ids;
    Py_INCREF(entry_ids);
    self->entry_ids = entry_ids;
    return 0;
}

/* best(members, words, total, needed, compatible, slot, threshold) -> (id, score) | None:
 * the candidate loop of `Catalog._best` (its `_Phrasings.reaching` bound included). */
static PyObject *
Searcher_best(Searcher *self, PyObject *args)
{
    PyObject *members, *words, *compatible;
    double total, needed, threshold;
    Py_ssize_t slot;
    if (!PyArg_ParseTuple(args, "O!O!ddO!nd", &PyTuple_Type, &members, &PyFrozenSet_Type,
                          &words, &total, &needed, &PyLong_Type, &compatible, &slot,
                          &threshold))
        return NULL;
    Py_ssize_t n_members = PyTuple_GET_SIZE(members);
    if (slot < 2 || slot > 62) {
        PyErr_SetString(PyExc_ValueError, "best: slot out of range");
        return NULL;
    }
    uint64_t name_small[16];
    uint64_t *name = self->width <= 16 ? name_small : PyMem_Calloc(self->width,
                                                                    sizeof(uint64_t));
    PyObject *result = NULL, *mask_bytes = NULL, *best_id = NULL;
    if (!name)
        return PyErr_NoMemory();
    memset(name, 0, self->width * sizeof(uint64_t));
    Py_ssize_t pos = 0;
    PyObject *word;
    Py_hash_t hash;
    if (words == self->last_words)  /* (its bits, found as `words` made it) */
        memcpy(name, self->last_bits, self->width * sizeof(uint64_t));
    else while (_PySet_NextEntry(words, &pos, &word, &hash)) {
        PyObject *id = PyDict_GetItemWithError(self->word_ids, word);
        if (!id) {
            if (PyErr_Occurred())
                goto done;
            continue;
        }
        long w = PyLong_AsLong(id);
        if (w < 0 || w >= self->n_words) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "best: word out of range");
            goto done;
        }
        name[w / 64] |= 1ull << (w % 64);
    }
    /* the members a name with these conditions may link to: the top bits of their slots */
    Py_ssize_t n_bytes = (n_members * slot + 7) / 8;
    int kept = (int)(((uintptr_t)compatible >> 4) & 63);
    if (self->masks[kept] == compatible
            && PyBytes_GET_SIZE(self->mask_bytes[kept]) == n_bytes)
        mask_bytes = Py_NewRef(self->mask_bytes[kept]);
    else {
        mask_bytes = PyObject_CallMethod(compatible, "to_bytes", "ns", n_bytes, "little");
        if (!mask_bytes)
            goto done;
        Py_XSETREF(self->masks[kept], Py_NewRef(compatible));
        Py_XSETREF(self->mask_bytes[kept], Py_NewRef(mask_bytes));
    }
    const unsigned char *mask = (const unsigned char *)PyBytes_AS_STRING(mask_bytes);
    long half = 1L << (slot - 1);
    double floored = floor(needed * self->quanta_per_unit);
    long least = floored - 1 < 1 ? 1 : (floored - 1 > (double)half ? half : (long)floored - 1);
    double best_score = -1.0;
    for (Py_ssize_t p = n_members - 1; p >= 0; p--) {  /* highest first, as `_best` */
        Py_ssize_t top = (p + 1) * slot - 1;
        if (!(mask[top / 8] >> (top % 8) & 1))
            continue;
        long e = PyLong_AsLong(PyTuple_GET_ITEM(members, p));
        if (e < 0 || e >= self->n_entries) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "best: member out of range");
            goto done;
        }
        const uint64_t *entry = self->entry_words + e * self->width;
        long bound = 0;
        double shared_weights[MAX_SHARED];
        int n_shared = 0;
        for (Py_ssize_t k = 0; k < self->width; k++) {
            uint64_t common = name[k] & entry[k];
            while (common) {
                int bit = __builtin_ctzll(common);
                common &= common - 1;
                Py_ssize_t w = k * 64 + bit;
                bound += self->quanta[w];
                if (n_shared == MAX_SHARED) {
                    PyErr_SetString(PyExc_ValueError, "best: too many words in common");
                    goto done;
                }
                shared_weights[n_shared++] = self->weights[w];
            }
        }
        if (bound < least)
            continue;
        double shared = exact_sum(shared_weights, n_shared);
        if (shared < needed)
            continue;
        double weight = self->entry_weights[e];
        double score = self->plain * (2 * shared / (total + weight))
            + self->contained * shared / (total <= weight ? total : weight);
        PyObject *id = PyTuple_GET_ITEM(self->entry_ids, e);
        if (score > best_score || (score == best_score && best_id
                                   && PyUnicode_Compare(id, best_id) < 0)) {
            if (PyErr_Occurred())
                goto done;
            best_id = id;
            best_score = score;
            if (score > threshold) {
                double ratio = (score - self->contained) / self->plain;
                double more = ratio / (2 - ratio) * total - self->slack;
                if (more > needed)
                    needed = more;
            }
        }
    }
    if (!best_id)
        result = Py_NewRef(Py_None);
    else
        result = Py_BuildValue("(Od)", best_id, best_score);
done:
    Py_XDECREF(mask_bytes);
    if (name != name_small)
        PyMem_Free(name);
    return result;
}

/* words(content, spelled, rare) -> (frozenset of the words as the catalog spells them, their
 * total weight): the end of `Catalog._read_name` (`spelled[word]` for each word, as the
 * catalog's `_Spelled` finds it; a word the catalog does not hold weighs `rare`). */
static PyObject *
Searcher_words(Searcher *self, PyObject *args)
{
    PyObject *content, *spelled, *words = NULL, *result = NULL;
    double rare;
    if (!PyArg_ParseTuple(args, "O!O!d", &PyList_Type, &content, &PyDict_Type, &spelled,
                          &rare))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(content), count = 0;
    double weights_small[64], *weights = weights_small;
    if (n > 64 && !(weights = PyMem_Malloc(n * sizeof(double))))
        return PyErr_NoMemory();
    uint64_t bits_small[16], *bits = self->width <= 16 ? bits_small
        : PyMem_Malloc(self->width * sizeof(uint64_t));
    if (!bits) {
        if (weights != weights_small)
            PyMem_Free(weights);
        return PyErr_NoMemory();
    }
    memset(bits, 0, self->width * sizeof(uint64_t));
    if (!(words = PyFrozenSet_New(NULL)))
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyList_GET_ITEM(content, i);
        PyObject *as_spelled = PyDict_GetItemWithError(spelled, word);
        if (as_spelled)
            Py_INCREF(as_spelled);
        else if (PyErr_Occurred() || !(as_spelled = PyObject_GetItem(spelled, word)))
            goto done;  /* (a word spelled the first time: `_Spelled.__missing__`) */
        int held = PySet_Contains(words, as_spelled);
        if (held < 0 || (!held && PySet_Add(words, as_spelled) < 0)) {
            Py_DECREF(as_spelled);
            goto done;
        }
        if (!held) {
            PyObject *id = PyDict_GetItemWithError(self->word_ids, as_spelled);
            if (!id && PyErr_Occurred()) {
                Py_DECREF(as_spelled);
                goto done;
            }
            Py_ssize_t w = id ? PyLong_AsSsize_t(id) : -1;
            weights[count++] = id ? self->weights[w] : rare;
            if (id)
                bits[w / 64] |= 1ull << (w % 64);
        }
        Py_DECREF(as_spelled);
    }
    result = Py_BuildValue("(Od)", words, exact_sum(weights, count));
    if (result) {  /* `best` is asked about these words next */
        Py_XSETREF(self->last_words, Py_NewRef(words));
        memcpy(self->last_bits, bits, self->width * sizeof(uint64_t));
    }
done:
    Py_XDECREF(words);
    if (weights != weights_small)
        PyMem_Free(weights);
    if (bits != bits_small)
        PyMem_Free(bits);
    return result;
}

static PyMethodDef Searcher_methods[] = {
    {"words", (PyCFunction)Searcher_words, METH_VARARGS,
     "words(content, spelled, rare) -> (the catalog-spelled words, their total weight)"},
    {"best", (PyCFunction)Searcher_best, METH_VARARGS,
     "best(members, words, total, needed, compatible, slot, threshold) -> (id, score) | None"},
    {NULL, NULL, 0, NULL},
};

FASTREAD_TYPE(Searcher,
              "The catalog's phrasings as word sets: the candidate loop of `Catalog._best`.");

static struct PyModuleDef fastread_module = {
    PyModuleDef_HEAD_INIT, "chitieu.catalog._fastread",
    "The catalog's name reading, compiled (words.py holds its Python twin).", -1, NULL,
};

PyMODINIT_FUNC
PyInit__fastread(void)
{
    PyObject *module = PyModule_Create(&fastread_module);
    if (!module)
        return NULL;
    /* VERSION: the interface words.py and catalog.py build against (`compiled`); a module
       built from older source is not used */
    if (PyModule_AddType(module, &ScannerType) < 0 || PyModule_AddType(module, &SearcherType) < 0
            || PyModule_AddType(module, &TokenizerType) < 0
            || PyModule_AddIntConstant(module, "VERSION", 6) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
