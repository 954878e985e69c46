/*
 * The monitor's line editor. Behaviour follows QEMU's HMP readline byte for
 * byte where a client can see it: after every input byte the editor
 * compares the line with what the terminal shows and, if they differ,
 * moves the cursor back to the start of the input (ESC [ D per column),
 * prints the whole line and erases the rest (ESC [ K); then it moves the
 * cursor to its place (ESC [ C / ESC [ D). Enter echoes "\n".
 *
 * Keys: printable bytes (>= 0x20, including 8-bit ones) insert; BS and DEL
 * erase back; Ctrl-A / Home and Ctrl-E / End; Ctrl-W erases a word; Ctrl-U
 * erases to the start (not in QEMU 7.2); arrows move and browse history;
 * ESC [ 3 ~ deletes forward; Tab completes the word before the cursor
 * (one candidate: the rest of it and a space; several: their common
 * prefix, then the list in columns and the line again). Other control
 * bytes and unknown escape
 * sequences are dropped whole, so hostile input only ever edits the line.
 */
#include "readline.h"

static void readline_emit(ReadLineState *rs, const char *buf, size_t len)
{
    if (rs->echo && len) {
        rs->out(rs->opaque, buf, len);
    }
}

static void readline_repeat(GString *s, const char *seq, int n)
{
    while (n-- > 0) {
        g_string_append(s, seq);
    }
}

/* Bring the terminal in line with cmd/pos, as QEMU's readline does. */
static void readline_update(ReadLineState *rs)
{
    GString *s;

    if (!rs->echo) {
        return;
    }
    s = g_string_new(NULL);
    if (rs->len != rs->shown_len || memcmp(rs->cmd, rs->shown, rs->len)) {
        readline_repeat(s, "\033[D", rs->shown_pos);
        g_string_append_len(s, rs->cmd, rs->len);
        g_string_append(s, "\033[K");
        memcpy(rs->shown, rs->cmd, rs->len);
        rs->shown_len = rs->len;
        rs->shown_pos = rs->len;
    }
    if (rs->pos > rs->shown_pos) {
        readline_repeat(s, "\033[C", rs->pos - rs->shown_pos);
    } else {
        readline_repeat(s, "\033[D", rs->shown_pos - rs->pos);
    }
    rs->shown_pos = rs->pos;
    readline_emit(rs, s->str, s->len);
    g_string_free(s, TRUE);
}

static void readline_set_line(ReadLineState *rs, const char *line)
{
    size_t n = MIN(strlen(line), (size_t)READLINE_CMD_MAX);

    memcpy(rs->cmd, line, n);
    rs->len = rs->pos = n;
}

static void readline_insert(ReadLineState *rs, uint8_t ch)
{
    if (rs->len >= READLINE_CMD_MAX) {
        return;                     /* full: drop, as QEMU does */
    }
    memmove(rs->cmd + rs->pos + 1, rs->cmd + rs->pos, rs->len - rs->pos);
    rs->cmd[rs->pos++] = ch;
    rs->len++;
}

/* Remove cmd[from, to). */
static void readline_erase(ReadLineState *rs, int from, int to)
{
    memmove(rs->cmd + from, rs->cmd + to, rs->len - to);
    rs->len -= to - from;
    rs->pos = from;
}

static void readline_key_backspace(ReadLineState *rs)
{
    if (rs->pos > 0) {
        readline_erase(rs, rs->pos - 1, rs->pos);
    }
}

static void readline_key_delete(ReadLineState *rs)
{
    if (rs->pos < rs->len) {
        readline_erase(rs, rs->pos, rs->pos + 1);
    }
}

static void readline_key_word(ReadLineState *rs)
{
    int start = rs->pos;

    while (start > 0 && g_ascii_isspace(rs->cmd[start - 1])) {
        start--;
    }
    while (start > 0 && !g_ascii_isspace(rs->cmd[start - 1])) {
        start--;
    }
    readline_erase(rs, start, rs->pos);
}

static void readline_key_kill(ReadLineState *rs)
{
    readline_erase(rs, 0, rs->pos);
}

static void readline_key_home(ReadLineState *rs)
{
    rs->pos = 0;
}

static void readline_key_end(ReadLineState *rs)
{
    rs->pos = rs->len;
}

static void readline_key_left(ReadLineState *rs)
{
    if (rs->pos > 0) {
        rs->pos--;
    }
}

static void readline_key_right(ReadLineState *rs)
{
    if (rs->pos < rs->len) {
        rs->pos++;
    }
}

static void readline_key_up(ReadLineState *rs)
{
    if (rs->hist_count == 0 || rs->hist_entry == 0) {
        return;
    }
    if (rs->hist_entry < 0) {
        rs->hist_entry = rs->hist_count - 1;
    } else {
        rs->hist_entry--;
    }
    readline_set_line(rs, rs->hist[rs->hist_entry]);
}

static void readline_key_down(ReadLineState *rs)
{
    if (rs->hist_entry < 0) {
        return;
    }
    if (rs->hist_entry < rs->hist_count - 1) {
        rs->hist_entry++;
        readline_set_line(rs, rs->hist[rs->hist_entry]);
    } else {
        rs->hist_entry = -1;
        rs->len = rs->pos = 0;
    }
}

static void readline_hist_add(ReadLineState *rs, const char *line)
{
    int i;

    /* A repeated line moves to the newest slot instead of appearing twice. */
    for (i = 0; i < rs->hist_count; i++) {
        if (strcmp(rs->hist[i], line) == 0) {
            char *old = rs->hist[i];
            memmove(&rs->hist[i], &rs->hist[i + 1],
                    (rs->hist_count - i - 1) * sizeof(rs->hist[0]));
            rs->hist[rs->hist_count - 1] = old;
            return;
        }
    }
    if (rs->hist_count == READLINE_HIST_MAX) {
        g_free(rs->hist[0]);
        memmove(&rs->hist[0], &rs->hist[1],
                (READLINE_HIST_MAX - 1) * sizeof(rs->hist[0]));
        rs->hist_count--;
    }
    rs->hist[rs->hist_count++] = g_strdup(line);
}

static void readline_key_enter(ReadLineState *rs)
{
    char line[READLINE_CMD_MAX + 1];

    memcpy(line, rs->cmd, rs->len);
    line[rs->len] = '\0';
    if (rs->len > 0) {
        readline_hist_add(rs, line);
    }
    rs->hist_entry = -1;
    readline_emit(rs, "\n", 1);
    rs->len = rs->pos = 0;
    rs->shown_len = rs->shown_pos = 0;
    rs->line_fn(rs->opaque, line);
}

static void readline_key_esc(ReadLineState *rs)
{
    rs->esc = RL_ESC_ESC;
}

static gint readline_strcmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The candidates in columns, as QEMU prints them. */
static void readline_print_candidates(ReadLineState *rs, GPtrArray *cands)
{
    GString *s = g_string_new("\n");
    int width = 0, cols, col = 0;
    guint i;

    for (i = 0; i < cands->len; i++) {
        width = MAX(width, (int)strlen(g_ptr_array_index(cands, i)));
    }
    width = CLAMP(width + 2, 10, 80);
    cols = 80 / width;
    for (i = 0; i < cands->len; i++) {
        g_string_append_printf(s, "%-*s", width,
                               (char *)g_ptr_array_index(cands, i));
        if (++col == cols || i == cands->len - 1) {
            g_string_append_c(s, '\n');
            col = 0;
        }
    }
    readline_emit(rs, s->str, s->len);
    g_string_free(s, TRUE);
}

static void readline_key_tab(ReadLineState *rs)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func(g_free);
    char line[READLINE_CMD_MAX + 1];
    const char *first;
    size_t word, common, i;
    guint j;

    if (!rs->complete_fn) {
        return;
    }
    memcpy(line, rs->cmd, rs->pos);
    line[rs->pos] = '\0';
    rs->complete_fn(rs->opaque, line, cands);
    if (cands->len == 0) {
        return;
    }
    for (word = rs->pos; word > 0 && !g_ascii_isspace(line[word - 1]);
         word--) {
        /* back to the start of the word */
    }
    g_ptr_array_sort(cands, readline_strcmp);
    first = g_ptr_array_index(cands, 0);
    common = strlen(first);
    for (j = 1; j < cands->len; j++) {
        const char *c = g_ptr_array_index(cands, j);
        for (i = 0; i < common && c[i] == first[i]; i++) {
            /* length of the shared prefix */
        }
        common = i;
    }
    for (i = rs->pos - word; i < common; i++) {
        readline_insert(rs, first[i]);
    }
    if (cands->len == 1) {
        readline_insert(rs, ' ');
        return;
    }
    readline_print_candidates(rs, cands);
    readline_show_prompt(rs);
}

typedef void ReadLineKeyFunc(ReadLineState *rs);

/* Control bytes; the rest of 0x00..0x1f is ignored. */
static ReadLineKeyFunc *const readline_ctrl_keys[32] = {
    [0x01] = readline_key_home,         /* Ctrl-A */
    [0x05] = readline_key_end,          /* Ctrl-E */
    [0x08] = readline_key_backspace,    /* Ctrl-H */
    [0x09] = readline_key_tab,
    [0x0a] = readline_key_enter,
    [0x0d] = readline_key_enter,
    [0x15] = readline_key_kill,         /* Ctrl-U */
    [0x17] = readline_key_word,         /* Ctrl-W */
    [0x1b] = readline_key_esc,
};

/* Final bytes of ESC [ and ESC O sequences without a parameter. */
static ReadLineKeyFunc *readline_seq_key(uint8_t final)
{
    static const struct {
        uint8_t final;
        ReadLineKeyFunc *fn;
    } keys[] = {
        { 'A', readline_key_up },
        { 'B', readline_key_down },
        { 'C', readline_key_right },
        { 'D', readline_key_left },
        { 'F', readline_key_end },
        { 'H', readline_key_home },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(keys); i++) {
        if (keys[i].final == final) {
            return keys[i].fn;
        }
    }
    return NULL;
}

/* ESC [ N ~ */
static ReadLineKeyFunc *readline_tilde_key(int param)
{
    static ReadLineKeyFunc *const keys[] = {
        [1] = readline_key_home,
        [3] = readline_key_delete,
        [4] = readline_key_end,
        [7] = readline_key_home,
        [8] = readline_key_end,
    };

    if (param >= 0 && param < (int)ARRAY_SIZE(keys)) {
        return keys[param];
    }
    return NULL;
}

static void readline_handle_csi(ReadLineState *rs, uint8_t ch)
{
    ReadLineKeyFunc *fn = NULL;

    if (g_ascii_isdigit(ch)) {
        /* Clamp: a flood of digits must not overflow. */
        rs->esc_param = MIN(rs->esc_param * 10 + (ch - '0'), 10000);
        return;
    }
    if (ch == ';' || (ch >= 0x20 && ch <= 0x2f)) {
        return;                     /* parameter separators, intermediates */
    }
    rs->esc = RL_ESC_NONE;
    if (ch == '~') {
        fn = readline_tilde_key(rs->esc_param);
    } else if (ch >= 0x40 && ch <= 0x7e && rs->esc_param <= 1) {
        fn = readline_seq_key(ch);
    }
    if (fn) {
        fn(rs);
    }
}

void readline_handle_byte(ReadLineState *rs, uint8_t ch)
{
    switch (rs->esc) {
    case RL_ESC_NONE:
        if (ch < 0x20) {
            if (readline_ctrl_keys[ch]) {
                readline_ctrl_keys[ch](rs);
            }
        } else if (ch == 0x7f) {
            readline_key_backspace(rs);
        } else {
            readline_insert(rs, ch);
        }
        break;
    case RL_ESC_ESC:
        rs->esc_param = 0;
        rs->esc = ch == '[' ? RL_ESC_CSI : ch == 'O' ? RL_ESC_SS3
                                                      : RL_ESC_NONE;
        break;
    case RL_ESC_CSI:
        readline_handle_csi(rs, ch);
        break;
    case RL_ESC_SS3:
        rs->esc = RL_ESC_NONE;
        if (readline_seq_key(ch)) {
            readline_seq_key(ch)(rs);
        }
        break;
    }
    readline_update(rs);
}

void readline_restart(ReadLineState *rs)
{
    rs->len = rs->pos = 0;
    rs->esc = RL_ESC_NONE;
    rs->hist_entry = -1;
}

void readline_show_prompt(ReadLineState *rs)
{
    readline_emit(rs, rs->prompt, strlen(rs->prompt));
    rs->shown_len = rs->shown_pos = 0;
    rs->esc = RL_ESC_NONE;
}

const char *readline_get_history(const ReadLineState *rs, int index)
{
    if (index < 0 || index >= rs->hist_count) {
        return NULL;
    }
    return rs->hist[index];
}

void readline_init(ReadLineState *rs, const char *prompt, bool echo,
                   ReadLineOutFunc *out, ReadLineLineFunc *line_fn,
                   void *opaque)
{
    memset(rs, 0, sizeof(*rs));
    rs->prompt = prompt;
    rs->echo = echo;
    rs->out = out;
    rs->line_fn = line_fn;
    rs->opaque = opaque;
    rs->hist_entry = -1;
}

void readline_free(ReadLineState *rs)
{
    int i;

    for (i = 0; i < rs->hist_count; i++) {
        g_free(rs->hist[i]);
    }
    rs->hist_count = 0;
}
