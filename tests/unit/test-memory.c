/*
 * Unit tests for the memory API (softmmu/memory*.c): flat view rendering,
 * transactions and listeners, dispatch with access-size rules, and the
 * "info mtree" text checked against QEMU 7.2's output for the same tree.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "exec/memory.h"
#include "../../softmmu/memory-internal.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* A device with 256 bytes of registers and a log of callbacks. */
typedef struct TestDev {
    uint8_t regs[256];
    bool big;
    GString *log;
} TestDev;

static uint64_t testdev_read(void *opaque, hwaddr addr, unsigned size)
{
    TestDev *d = opaque;
    uint64_t v = 0;
    unsigned i;

    g_string_append_printf(d->log, "r%" PRIx64 "/%u;", addr, size);
    for (i = 0; i < size; i++) {
        uint8_t b = addr + i < sizeof(d->regs) ? d->regs[addr + i] : 0;
        v |= (uint64_t)b << ((d->big ? size - 1 - i : i) * 8);
    }
    return v;
}

static void testdev_write(void *opaque, hwaddr addr, uint64_t data,
                          unsigned size)
{
    TestDev *d = opaque;
    unsigned i;

    g_string_append_printf(d->log, "w%" PRIx64 "/%u=%" PRIx64 ";", addr,
                           size, data);
    for (i = 0; i < size && addr + i < sizeof(d->regs); i++) {
        d->regs[addr + i] = data >> ((d->big ? size - 1 - i : i) * 8);
    }
}

static TestDev *testdev_new(bool big)
{
    TestDev *d = g_new0(TestDev, 1);
    unsigned i;

    for (i = 0; i < sizeof(d->regs); i++) {
        d->regs[i] = i;
    }
    d->big = big;
    d->log = g_string_new("");
    return d;
}

static void testdev_free(TestDev *d)
{
    g_string_free(d->log, true);
    g_free(d);
}

/* Take the log and clear it. */
static char *testdev_take_log(TestDev *d)
{
    char *s = g_strdup(d->log->str);

    g_string_truncate(d->log, 0);
    return s;
}

static uint64_t dummy_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dummy_write(void *opaque, hwaddr addr, uint64_t data,
                        unsigned size)
{
}

static const MemoryRegionOps dummy_ops = {
    .read = dummy_read, .write = dummy_write,
};

/* The flat view as "addr+size:name@offset[ro] ..." for easy comparison. */
static char *view_str(AddressSpace *as)
{
    FlatView *fv = address_space_get_flatview(as);
    GString *s = g_string_new("");
    unsigned i;

    for (i = 0; i < fv->nr; i++) {
        const FlatRange *fr = &fv->ranges[i];
        g_string_append_printf(s, "%s%" PRIx64 "+%" PRIx64 ":%s@%" PRIx64
                               "%s", i ? " " : "", fr->addr, fr->size,
                               memory_region_name(fr->mr),
                               fr->offset_in_region,
                               fr->readonly ? "ro" : "");
    }
    flatview_unref(fv);
    return g_string_free(s, false);
}

#define assert_view(as, expected) do {          \
        char *v_ = view_str(as);                \
        g_assert_cmpstr(v_, ==, expected);      \
        g_free(v_);                             \
    } while (0)

/* ------------------------------------------------------------------ */
/* Flat views                                                          */

static void test_flat_priorities(void)
{
    MemoryRegion root, ram, io, low;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000,
                                         &error_abort));
    memory_region_init_io(&io, NULL, &dummy_ops, NULL, "io", 0x100);
    memory_region_init_io(&low, NULL, &dummy_ops, NULL, "low", 0x200);
    address_space_init(&as, &root, "test");
    assert_view(&as, "");

    memory_region_add_subregion(&root, 0, &ram);
    memory_region_add_subregion_overlap(&root, 0x800, &io, 1);
    assert_view(&as, "0+800:ram@0 800+100:io@0 900+700:ram@900");

    /* A lower priority only shows where nothing higher is. */
    memory_region_add_subregion_overlap(&root, 0xf00, &low, -1);
    assert_view(&as, "0+800:ram@0 800+100:io@0 900+700:ram@900 "
                "1000+100:low@100");

    /* Moving keeps the priority. */
    memory_region_set_address(&io, 0);
    assert_view(&as, "0+100:io@0 100+f00:ram@100 1000+100:low@100");

    address_space_destroy(&as);
    memory_region_finalize(&low);
    memory_region_finalize(&io);
    memory_region_finalize(&ram);
    memory_region_finalize(&root);
}

static void test_flat_equal_priority(void)
{
    MemoryRegion root, a, b;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x1000);
    memory_region_init_io(&a, NULL, &dummy_ops, NULL, "a", 0x100);
    memory_region_init_io(&b, NULL, &dummy_ops, NULL, "b", 0x100);
    address_space_init(&as, &root, "test");

    /* Equal priority: the one added later wins, as in QEMU. */
    memory_region_add_subregion(&root, 0, &a);
    memory_region_add_subregion(&root, 0x80, &b);
    assert_view(&as, "0+80:a@0 80+100:b@0");
    memory_region_del_subregion(&root, &a);
    memory_region_add_subregion(&root, 0, &a);
    assert_view(&as, "0+100:a@0 100+80:b@80");
    /* Moving re-adds, so b becomes the newest again. */
    memory_region_set_address(&b, 0x40);
    assert_view(&as, "0+40:a@0 40+100:b@0");

    address_space_destroy(&as);
    memory_region_finalize(&a);
    memory_region_finalize(&b);
    memory_region_finalize(&root);
}

static void test_flat_alias(void)
{
    MemoryRegion root, ram, win, big;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x4000,
                                         &error_abort));
    memory_region_init_alias(&win, NULL, "win", &ram, 0x1000, 0x800);
    address_space_init(&as, &root, "test");

    memory_region_add_subregion(&root, 0x10000, &win);
    assert_view(&as, "10000+800:ram@1000");
    g_assert_true(memory_region_is_ram(&win));
    g_assert_false(memory_region_is_rom(&win));
    g_assert_true(memory_region_get_ram_ptr(&win) ==
                  (uint8_t *)memory_region_get_ram_ptr(&ram) + 0x1000);

    memory_region_set_alias_offset(&win, 0x3c00);
    /* The window is clipped by the end of its target. */
    assert_view(&as, "10000+400:ram@3c00");

    /* An alias bigger than the target shows only the target's part. */
    memory_region_init_alias(&big, NULL, "big", &ram, 0, 0x8000);
    memory_region_add_subregion(&root, 0x20000, &big);
    assert_view(&as, "10000+400:ram@3c00 20000+4000:ram@0");

    /* Ranges of one region written through aliases are the same bytes. */
    {
        uint8_t v = 0x5a, r = 0;
        g_assert_cmpint(address_space_write(&as, 0x10000, &v, 1), ==,
                        MEMTX_OK);
        g_assert_cmpint(address_space_read(&as, 0x23c00, &r, 1), ==,
                        MEMTX_OK);
        g_assert_cmphex(r, ==, 0x5a);
    }

    address_space_destroy(&as);
    memory_region_finalize(&big);
    memory_region_finalize(&win);
    memory_region_finalize(&ram);
    memory_region_finalize(&root);
}

static void test_flat_disabled(void)
{
    MemoryRegion root, sub, leaf, under;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init(&sub, NULL, "sub", 0x1000);
    memory_region_init_io(&leaf, NULL, &dummy_ops, NULL, "leaf", 0x100);
    memory_region_init_io(&under, NULL, &dummy_ops, NULL, "under", 0x2000);
    address_space_init(&as, &root, "test");

    memory_region_add_subregion(&sub, 0x10, &leaf);
    memory_region_add_subregion_overlap(&root, 0x1000, &sub, 1);
    memory_region_add_subregion(&root, 0, &under);
    /* A container is transparent where it has no children. */
    assert_view(&as, "0+1010:under@0 1010+100:leaf@0 1110+ef0:under@1110");

    memory_region_set_enabled(&sub, false);
    assert_view(&as, "0+2000:under@0");
    memory_region_set_enabled(&sub, true);
    memory_region_set_enabled(&leaf, false);
    assert_view(&as, "0+2000:under@0");
    memory_region_set_enabled(&leaf, true);
    assert_view(&as, "0+1010:under@0 1010+100:leaf@0 1110+ef0:under@1110");

    address_space_destroy(&as);
    memory_region_finalize(&sub);
    memory_region_finalize(&leaf);
    memory_region_finalize(&under);
    memory_region_finalize(&root);
}

static void test_flat_nested(void)
{
    MemoryRegion root, c1, c2, leaf;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", UINT64_MAX);
    memory_region_init(&c1, NULL, "c1", 0x100000);
    memory_region_init(&c2, NULL, "c2", 0x1000);
    memory_region_init_io(&leaf, NULL, &dummy_ops, NULL, "leaf", 0x2000);
    address_space_init(&as, &root, "test");

    memory_region_add_subregion(&c2, 0x800, &leaf);
    memory_region_add_subregion(&c1, 0x10000, &c2);
    memory_region_add_subregion(&root, 0x40000000, &c1);
    /* Addresses add up; each container clips what is below it. */
    assert_view(&as, "40010800+800:leaf@0");

    memory_region_finalize(&c1);    /* unmaps it and frees its children */
    g_assert_null(c2.container);
    assert_view(&as, "");
    address_space_destroy(&as);
    memory_region_finalize(&leaf);
    memory_region_finalize(&c2);
    memory_region_finalize(&root);
}

static void test_flat_ram_with_subregions(void)
{
    MemoryRegion root, ram, io;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000,
                                         &error_abort));
    memory_region_init_io(&io, NULL, &dummy_ops, NULL, "io", 0x10);
    memory_region_add_subregion(&ram, 0x100, &io);
    memory_region_add_subregion(&root, 0x2000, &ram);
    address_space_init(&as, &root, "test");

    /* The RAM's own content fills around its children. */
    assert_view(&as, "2000+100:ram@0 2100+10:io@0 2110+ef0:ram@110");

    address_space_destroy(&as);
    memory_region_finalize(&ram);
    memory_region_finalize(&io);
    memory_region_finalize(&root);
}

static void test_flat_merge(void)
{
    MemoryRegion root, ram, a1, a2, a3;
    AddressSpace as;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x10000,
                                         &error_abort));
    memory_region_init_alias(&a1, NULL, "a1", &ram, 0, 0x1000);
    memory_region_init_alias(&a2, NULL, "a2", &ram, 0x1000, 0x1000);
    memory_region_init_alias(&a3, NULL, "a3", &ram, 0x3000, 0x1000);
    address_space_init(&as, &root, "test");

    memory_region_transaction_begin();
    memory_region_add_subregion(&root, 0, &a1);
    memory_region_add_subregion(&root, 0x1000, &a2);
    memory_region_add_subregion(&root, 0x2000, &a3);
    memory_region_transaction_commit();
    /* Contiguous offsets merge; a jump in the offset does not. */
    assert_view(&as, "0+2000:ram@0 2000+1000:ram@3000");

    memory_region_set_readonly(&a2, true);
    assert_view(&as, "0+1000:ram@0 1000+1000:ram@1000ro 2000+1000:ram@3000");

    address_space_destroy(&as);
    memory_region_finalize(&a1);
    memory_region_finalize(&a2);
    memory_region_finalize(&a3);
    memory_region_finalize(&ram);
    memory_region_finalize(&root);
}

/* ------------------------------------------------------------------ */
/* Listeners and transactions                                          */

typedef struct TestListener {
    MemoryListener l;
    GString *log;
} TestListener;

/* Listeners other than "test" prefix their name, to tell them apart. */
static GString *tl_log(MemoryListener *l)
{
    TestListener *t = container_of(l, TestListener, l);

    if (strcmp(l->name, "test")) {
        g_string_append_printf(t->log, "%s:", l->name);
    }
    return t->log;
}

static void tl_log_section(MemoryListener *l, const char *what,
                           MemoryRegionSection *s)
{
    g_string_append_printf(tl_log(l), "%s %s %" PRIx64 "+%" PRIx64 "@%" PRIx64
                           ";", what, memory_region_name(s->mr),
                           s->offset_within_address_space, s->size,
                           s->offset_within_region);
}

static void tl_begin(MemoryListener *l)
{
    g_string_append(tl_log(l), "begin;");
}

static void tl_commit(MemoryListener *l)
{
    g_string_append(tl_log(l), "commit;");
}

static void tl_add(MemoryListener *l, MemoryRegionSection *s)
{
    tl_log_section(l, "add", s);
}

static void tl_del(MemoryListener *l, MemoryRegionSection *s)
{
    tl_log_section(l, "del", s);
}

static void tl_nop(MemoryListener *l, MemoryRegionSection *s)
{
    tl_log_section(l, "nop", s);
}

static void tl_init(TestListener *t)
{
    memset(t, 0, sizeof(*t));
    t->l = (MemoryListener) {
        .name = "test", .begin = tl_begin, .commit = tl_commit,
        .region_add = tl_add, .region_del = tl_del, .region_nop = tl_nop,
    };
    t->log = g_string_new("");
}

static void tl_check(TestListener *t, const char *expected)
{
    g_assert_cmpstr(t->log->str, ==, expected);
    g_string_truncate(t->log, 0);
}

static void test_listener_sequences(void)
{
    MemoryRegion root, a, b;
    AddressSpace as;
    TestListener t;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init_io(&a, NULL, &dummy_ops, NULL, "a", 0x1000);
    memory_region_init_io(&b, NULL, &dummy_ops, NULL, "b", 0x100);
    memory_region_add_subregion(&root, 0, &a);
    address_space_init(&as, &root, "test");

    /* Registering replays what is already there. */
    tl_init(&t);
    memory_listener_register(&t.l, &as);
    g_assert_true(t.l.address_space == &as);
    tl_check(&t, "begin;add a 0+1000@0;commit;");

    /* b splits a: the old range goes, three come or stay. */
    memory_region_add_subregion_overlap(&root, 0x800, &b, 1);
    tl_check(&t, "begin;del a 0+1000@0;add a 0+800@0;add b 800+100@0;"
             "add a 900+700@900;commit;");

    memory_region_set_address(&b, 0x2000);
    tl_check(&t, "begin;del a 0+800@0;del b 800+100@0;del a 900+700@900;"
             "add a 0+1000@0;add b 2000+100@0;commit;");

    /* Unchanged ranges are reported as nops. */
    memory_region_set_enabled(&b, false);
    tl_check(&t, "begin;del b 2000+100@0;nop a 0+1000@0;commit;");

    memory_listener_unregister(&t.l);
    tl_check(&t, "begin;del a 0+1000@0;commit;");
    g_assert_null(t.l.address_space);

    address_space_destroy(&as);
    memory_region_finalize(&a);
    memory_region_finalize(&b);
    memory_region_finalize(&root);
    g_string_free(t.log, true);
}

static void test_listener_priority_order(void)
{
    MemoryRegion root, a;
    AddressSpace as;
    TestListener t1, t2;
    GString *shared = g_string_new("");

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init_io(&a, NULL, &dummy_ops, NULL, "a", 0x1000);
    address_space_init(&as, &root, "test");
    tl_init(&t1);
    tl_init(&t2);
    g_string_free(t1.log, true);
    g_string_free(t2.log, true);
    t1.log = t2.log = shared;
    t1.l.name = "one";
    t2.l.name = "two";
    t1.l.priority = 10;
    t2.l.priority = 0;
    memory_listener_register(&t1.l, &as);
    memory_listener_register(&t2.l, &as);
    g_assert_true(g_ptr_array_index(as.listeners, 0) == &t2.l);

    memory_region_add_subregion(&root, 0, &a);
    memory_region_del_subregion(&root, &a);
    /* Adds run in ascending priority, dels in descending (as QEMU). */
    g_assert_cmpstr(shared->str, ==,
                    "one:begin;one:commit;two:begin;two:commit;"
                    "two:begin;one:begin;two:add a 0+1000@0;"
                    "one:add a 0+1000@0;two:commit;one:commit;"
                    "two:begin;one:begin;one:del a 0+1000@0;"
                    "two:del a 0+1000@0;two:commit;one:commit;");
    memory_listener_unregister(&t1.l);
    memory_listener_unregister(&t2.l);
    address_space_destroy(&as);
    memory_region_finalize(&a);
    memory_region_finalize(&root);
    g_string_free(shared, true);
}

static void test_no_rerender_without_change(void)
{
    MemoryRegion root, a;
    AddressSpace as;
    unsigned before, nas;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init_io(&a, NULL, &dummy_ops, NULL, "a", 0x1000);
    memory_region_add_subregion(&root, 0x1000, &a);
    address_space_init(&as, &root, "test");
    nas = memory_address_spaces()->len;

    before = memory_test_render_count();
    memory_region_set_enabled(&a, true);
    memory_region_set_address(&a, 0x1000);
    memory_region_set_readonly(&a, false);
    memory_region_transaction_begin();
    memory_region_transaction_commit();
    g_assert_cmpuint(memory_test_render_count(), ==, before);

    /* A real change renders every space once. */
    memory_region_set_address(&a, 0x2000);
    g_assert_cmpuint(memory_test_render_count(), ==, before + nas);

    address_space_destroy(&as);
    memory_region_finalize(&a);
    memory_region_finalize(&root);
}

static void test_transaction_batching(void)
{
    MemoryRegion root, a, b;
    AddressSpace as;
    TestListener t;
    unsigned before, nas;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init_io(&a, NULL, &dummy_ops, NULL, "a", 0x1000);
    memory_region_init_io(&b, NULL, &dummy_ops, NULL, "b", 0x1000);
    address_space_init(&as, &root, "test");
    nas = memory_address_spaces()->len;
    tl_init(&t);
    memory_listener_register(&t.l, &as);
    tl_check(&t, "begin;commit;");

    before = memory_test_render_count();
    memory_region_transaction_begin();
    memory_region_add_subregion(&root, 0, &a);
    memory_region_transaction_begin();          /* nested */
    memory_region_add_subregion(&root, 0x4000, &b);
    memory_region_set_address(&b, 0x8000);
    memory_region_transaction_commit();
    /* Nothing happens before the outermost commit. */
    g_assert_cmpstr(t.log->str, ==, "");
    assert_view(&as, "");
    memory_region_transaction_commit();
    g_assert_cmpuint(memory_test_render_count(), ==, before + nas);
    tl_check(&t, "begin;add a 0+1000@0;add b 8000+1000@0;commit;");

    memory_listener_unregister(&t.l);
    address_space_destroy(&as);
    memory_region_finalize(&a);
    memory_region_finalize(&b);
    memory_region_finalize(&root);
    g_string_free(t.log, true);
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */

typedef struct DispatchFixture {
    MemoryRegion root, ram, io;
    AddressSpace as;
    TestDev *dev;
    MemoryRegionOps ops;
} DispatchFixture;

/* RAM at 0 (4 KiB), the test device at 0x10000 (256 bytes). */
static void dispatch_setup(DispatchFixture *f, bool big)
{
    memset(f, 0, sizeof(*f));
    f->dev = testdev_new(big);
    f->ops = (MemoryRegionOps) {
        .read = testdev_read, .write = testdev_write,
        .endianness = big ? DEVICE_BIG_ENDIAN : DEVICE_LITTLE_ENDIAN,
    };
    memory_region_init(&f->root, NULL, "root", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&f->ram, NULL, "ram", 0x1000,
                                         &error_abort));
    memory_region_init_io(&f->io, NULL, &f->ops, f->dev, "dev", 0x100);
    memory_region_add_subregion(&f->root, 0, &f->ram);
    memory_region_add_subregion(&f->root, 0x10000, &f->io);
    address_space_init(&f->as, &f->root, "test");
}

static void dispatch_teardown(DispatchFixture *f)
{
    address_space_destroy(&f->as);
    memory_region_finalize(&f->io);
    memory_region_finalize(&f->ram);
    memory_region_finalize(&f->root);
    testdev_free(f->dev);
}

#define assert_devlog(f, expected) do {                 \
        char *l_ = testdev_take_log((f)->dev);          \
        g_assert_cmpstr(l_, ==, expected);              \
        g_free(l_);                                     \
    } while (0)

static void test_dispatch_ram_io(void)
{
    DispatchFixture f;
    uint8_t buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    uint8_t out[8];
    uint32_t v32;

    dispatch_setup(&f, false);
    g_assert_cmpint(address_space_write(&f.as, 0x100, buf, 8), ==, MEMTX_OK);
    g_assert_cmpmem((uint8_t *)memory_region_get_ram_ptr(&f.ram) + 0x100, 8,
                    buf, 8);
    memset(out, 0, sizeof(out));
    g_assert_cmpint(address_space_rw(&f.as, 0x100, out, 8, false), ==,
                    MEMTX_OK);
    g_assert_cmpmem(out, 8, buf, 8);

    /* A 4-byte I/O read is one callback; bytes land little-endian. */
    g_assert_cmpint(address_space_read(&f.as, 0x10010, &v32, 4), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r10/4;");
    g_assert_cmphex(GUINT32_FROM_LE(v32), ==, 0x13121110);
    v32 = GUINT32_TO_LE(0xdeadbeef);
    g_assert_cmpint(address_space_write(&f.as, 0x10020, &v32, 4), ==,
                    MEMTX_OK);
    assert_devlog(&f, "w20/4=deadbeef;");
    g_assert_cmphex(f.dev->regs[0x20], ==, 0xef);

    /* Without valid rules, 8 bytes go as two 4-byte accesses (QEMU). */
    g_assert_cmpint(address_space_read(&f.as, 0x10000, out, 8), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r0/4;r4/4;");
    /* An unaligned 4-byte access is cut down to aligned pieces. */
    g_assert_cmpint(address_space_read(&f.as, 0x10001, out, 4), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r1/1;r2/2;r4/1;");
    g_assert_cmphex(out[0], ==, 1);
    g_assert_cmphex(out[3], ==, 4);
    dispatch_teardown(&f);
}

static void test_dispatch_split_ranges(void)
{
    DispatchFixture f;
    uint8_t buf[0x30];
    unsigned i;

    dispatch_setup(&f, false);
    /* Move the device right after the RAM, leaving a hole behind it. */
    memory_region_set_address(&f.io, 0x1000);
    memset(memory_region_get_ram_ptr(&f.ram), 0xaa, 0x1000);

    memset(buf, 0, sizeof(buf));
    g_assert_cmpint(address_space_read(&f.as, 0xff8, buf, 8), ==, MEMTX_OK);
    for (i = 0; i < 8; i++) {
        g_assert_cmphex(buf[i], ==, 0xaa);
    }
    /* The device's end, then nothing. */
    g_assert_cmpint(address_space_read(&f.as, 0x10f8, buf, 0x30), ==,
                    MEMTX_DECODE_ERROR);
    assert_devlog(&f, "rf8/4;rfc/4;");
    g_assert_cmphex(buf[0], ==, 0xf8);
    g_assert_cmphex(buf[7], ==, 0xff);
    for (i = 8; i < 0x30; i++) {
        g_assert_cmphex(buf[i], ==, 0xff);
    }
    /* RAM, then the device. */
    g_assert_cmpint(address_space_read(&f.as, 0xff8, buf, 0x10), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r0/4;r4/4;");
    g_assert_cmphex(buf[7], ==, 0xaa);
    g_assert_cmphex(buf[8], ==, 0x00);
    g_assert_cmphex(buf[15], ==, 0x07);

    g_assert_cmpint(address_space_read(&f.as, 0x10fc, buf, 8), ==,
                    MEMTX_DECODE_ERROR);
    assert_devlog(&f, "rfc/4;");
    g_assert_cmphex(buf[0], ==, 0xfc);
    for (i = 4; i < 8; i++) {
        g_assert_cmphex(buf[i], ==, 0xff);
    }
    dispatch_teardown(&f);
}

static void test_dispatch_impl_split(void)
{
    DispatchFixture f;
    uint64_t v;

    dispatch_setup(&f, false);
    f.ops.valid.max_access_size = 8;
    f.ops.impl.max_access_size = 4;

    /* 8 bytes on 4-byte callbacks: two pieces, low half first. */
    v = GUINT64_TO_LE(0x1122334455667788ULL);
    g_assert_cmpint(address_space_write(&f.as, 0x10008, &v, 8), ==,
                    MEMTX_OK);
    assert_devlog(&f, "w8/4=55667788;wc/4=11223344;");
    v = 0;
    g_assert_cmpint(address_space_read(&f.as, 0x10008, &v, 8), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r8/4;rc/4;");
    g_assert_cmphex(GUINT64_FROM_LE(v), ==, 0x1122334455667788ULL);

    /* impl.max 8 takes it whole. */
    f.ops.impl.max_access_size = 8;
    g_assert_cmpint(address_space_read(&f.as, 0x10008, &v, 8), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r8/8;");
    dispatch_teardown(&f);
}

static void test_dispatch_widen(void)
{
    DispatchFixture f;
    uint8_t b;
    uint16_t h;

    dispatch_setup(&f, false);
    f.ops.impl.min_access_size = 4;

    /* A byte write becomes a 4-byte write of the aligned word. */
    b = 0xab;
    g_assert_cmpint(address_space_write(&f.as, 0x10013, &b, 1), ==,
                    MEMTX_OK);
    assert_devlog(&f, "w10/4=ab000000;");
    b = 0;
    g_assert_cmpint(address_space_read(&f.as, 0x10012, &b, 1), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r10/4;");
    g_assert_cmphex(b, ==, 0x00);   /* the byte write zeroed the others */
    g_assert_cmpint(address_space_read(&f.as, 0x10026, &h, 2), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r24/4;");
    g_assert_cmphex(GUINT16_FROM_LE(h), ==, 0x2726);
    dispatch_teardown(&f);
}

static void test_dispatch_valid_sizes(void)
{
    DispatchFixture f;
    uint8_t buf[8];
    uint32_t v;

    dispatch_setup(&f, false);
    f.ops.valid.min_access_size = 4;
    f.ops.valid.max_access_size = 4;

    /* Too narrow: refused, reads all-ones, the device never sees it. */
    memset(buf, 0, sizeof(buf));
    g_assert_cmpint(address_space_read(&f.as, 0x10000, buf, 1), ==,
                    MEMTX_DECODE_ERROR);
    g_assert_cmphex(buf[0], ==, 0xff);
    buf[0] = 1;
    g_assert_cmpint(address_space_write(&f.as, 0x10000, buf, 2), ==,
                    MEMTX_DECODE_ERROR);
    assert_devlog(&f, "");
    g_assert_cmphex(f.dev->regs[0], ==, 0);

    /* Wider than valid.max: split into valid-sized accesses. */
    g_assert_cmpint(address_space_read(&f.as, 0x10000, buf, 8), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r0/4;r4/4;");
    g_assert_cmpint(address_space_read(&f.as, 0x10004, &v, 4), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r4/4;");
    dispatch_teardown(&f);
}

static void test_dispatch_unaligned(void)
{
    DispatchFixture f;
    uint32_t v = 0;

    dispatch_setup(&f, false);
    /* The callbacks could take it, but the guest may not do it. */
    f.ops.impl.unaligned = true;
    g_assert_cmpint(address_space_read(&f.as, 0x10002, &v, 4), ==,
                    MEMTX_DECODE_ERROR);
    g_assert_cmphex(v, ==, 0xffffffff);
    assert_devlog(&f, "");
    f.ops.valid.unaligned = true;
    g_assert_cmpint(address_space_read(&f.as, 0x10002, &v, 4), ==,
                    MEMTX_OK);
    assert_devlog(&f, "r2/4;");
    g_assert_cmphex(GUINT32_FROM_LE(v), ==, 0x05040302);
    dispatch_teardown(&f);
}

static void test_dispatch_unmapped(void)
{
    DispatchFixture f;
    uint8_t buf[16];
    unsigned i;
    int saved = qemu_loglevel;

    dispatch_setup(&f, false);
    memset(buf, 0x11, sizeof(buf));
    g_assert_cmpint(address_space_read(&f.as, 0x5000, buf, 16), ==,
                    MEMTX_DECODE_ERROR);
    for (i = 0; i < 16; i++) {
        g_assert_cmphex(buf[i], ==, 0xff);
    }
    g_assert_cmpint(address_space_write(&f.as, 0x5000, buf, 16), ==,
                    MEMTX_DECODE_ERROR);
    /* Also through the logging path (-d guest_errors). */
    qemu_loglevel = LOG_GUEST_ERROR;
    g_assert_cmpint(address_space_read(&f.as, 0x5000, buf, 1), ==,
                    MEMTX_DECODE_ERROR);
    qemu_loglevel = saved;
    dispatch_teardown(&f);
}

static void test_dispatch_big_endian(void)
{
    DispatchFixture f;
    uint8_t w[4] = { 0x11, 0x22, 0x33, 0x44 };
    uint8_t r[4];

    dispatch_setup(&f, true);
    g_assert_cmpint(address_space_write(&f.as, 0x10040, w, 4), ==,
                    MEMTX_OK);
    assert_devlog(&f, "w40/4=11223344;");
    g_assert_cmpint(address_space_read(&f.as, 0x10040, r, 4), ==, MEMTX_OK);
    assert_devlog(&f, "r40/4;");
    g_assert_cmpmem(r, 4, w, 4);

    /* Split on a big-endian device: the first bytes are the high half. */
    f.ops.impl.max_access_size = 2;
    g_assert_cmpint(address_space_write(&f.as, 0x10050, w, 4), ==,
                    MEMTX_OK);
    assert_devlog(&f, "w50/2=1122;w52/2=3344;");
    /* Widened byte write: the byte sits at its big-endian place. */
    f.ops.impl.min_access_size = 2;
    g_assert_cmpint(address_space_write(&f.as, 0x10061, w, 1), ==,
                    MEMTX_OK);
    assert_devlog(&f, "w60/2=11;");
    g_assert_cmpint(address_space_read(&f.as, 0x10052, r, 1), ==, MEMTX_OK);
    assert_devlog(&f, "r52/2;");
    g_assert_cmphex(r[0], ==, 0x33);
    dispatch_teardown(&f);
}

static void test_dispatch_rom(void)
{
    MemoryRegion root, rom;
    AddressSpace as;
    uint8_t b = 0x42, r = 0;
    int saved = qemu_loglevel;

    memory_region_init(&root, NULL, "root", 0x100000);
    g_assert_true(memory_region_init_rom(&rom, NULL, "bios", 0x1000,
                                         &error_abort));
    g_assert_true(memory_region_is_rom(&rom));
    g_assert_true(memory_region_is_ram(&rom));
    memory_region_add_subregion(&root, 0xf0000, &rom);
    address_space_init(&as, &root, "test");
    assert_view(&as, "f0000+1000:bios@0ro");

    qemu_loglevel = LOG_GUEST_ERROR;
    g_assert_cmpint(address_space_write(&as, 0xf0010, &b, 1), ==, MEMTX_OK);
    qemu_loglevel = saved;
    g_assert_cmpint(address_space_read(&as, 0xf0010, &r, 1), ==, MEMTX_OK);
    g_assert_cmphex(r, ==, 0);

    g_assert_cmpint(address_space_write_rom(&as, 0xf0010, &b, 1), ==,
                    MEMTX_OK);
    g_assert_cmpint(address_space_read(&as, 0xf0010, &r, 1), ==, MEMTX_OK);
    g_assert_cmphex(r, ==, 0x42);
    /* The loader's write skips holes quietly. */
    g_assert_cmpint(address_space_write_rom(&as, 0xeffff, (uint8_t[2]){ 1, 2 },
                                            2), ==, MEMTX_OK);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(&rom))[0], ==, 2);

    address_space_destroy(&as);
    memory_region_finalize(&rom);
    memory_region_finalize(&root);
}

static void test_dispatch_top_of_space(void)
{
    MemoryRegion root, ram, io;
    AddressSpace as;
    TestDev *dev = testdev_new(false);
    MemoryRegionOps ops = {
        .read = testdev_read, .write = testdev_write,
        .valid.max_access_size = 8, .impl.max_access_size = 8,
    };
    uint8_t *buf = g_malloc(0x1000);
    const FlatRange *fr;
    FlatView *fv;
    uint64_t v;
    unsigned i;

    memory_region_init(&root, NULL, "root", UINT64_MAX);
    g_assert_true(root.size_is_2_64);
    g_assert_cmphex(memory_region_size(&root), ==, UINT64_MAX);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000,
                                         &error_abort));
    memory_region_init_io(&io, NULL, &ops, dev, "top", 0x100);
    memory_region_add_subregion(&root, 0xffffffffffffe000ULL, &ram);
    memory_region_add_subregion(&root, 0xffffffffffffff00ULL, &io);
    address_space_init(&as, &root, "test");

    fv = address_space_get_flatview(&as);
    fr = flatview_lookup(fv, UINT64_MAX);
    g_assert_nonnull(fr);
    g_assert_true(fr->mr == &io);
    g_assert_null(flatview_lookup(fv, 0));
    g_assert_null(flatview_lookup(fv, 0xffffffffffffefffULL + 0x10));
    flatview_unref(fv);

    /* Crossing RAM, a hole and the device, then off the top of 2^64. */
    memset(memory_region_get_ram_ptr(&ram), 0x5a, 0x1000);
    g_assert_cmpint(address_space_read(&as, 0xffffffffffffeff0ULL, buf, 0x20),
                    ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(buf[0xf], ==, 0x5a);
    g_assert_cmphex(buf[0x10], ==, 0xff);
    g_assert_cmpint(address_space_read(&as, 0xfffffffffffffffcULL, buf,
                                       0x1000), ==, MEMTX_DECODE_ERROR);
    g_assert_cmpstr(dev->log->str, ==, "rfc/4;");
    g_assert_cmphex(buf[0], ==, 0xfc);
    g_assert_cmphex(buf[3], ==, 0xff);
    for (i = 4; i < 0x1000; i++) {
        g_assert_cmphex(buf[i], ==, 0xff);
    }
    g_assert_cmpint(address_space_write(&as, UINT64_MAX, buf, 0x1000), ==,
                    MEMTX_DECODE_ERROR);
    g_assert_cmpint(address_space_read(&as, 0xfffffffffffffff8ULL, &v, 8),
                    ==, MEMTX_OK);

    /* A 2^64 region at 0 is split at the top of the view. */
    memory_region_del_subregion(&root, &ram);
    memory_region_del_subregion(&root, &io);
    memory_region_finalize(&io);
    memory_region_init_io(&io, NULL, &ops, dev, "all", UINT64_MAX);
    memory_region_add_subregion(&root, 0, &io);
    assert_view(&as, "0+8000000000000000:all@0 "
                "8000000000000000+8000000000000000:all@8000000000000000");
    g_string_truncate(dev->log, 0);
    g_assert_cmpint(address_space_read(&as, 0x7ffffffffffffffcULL, &v, 8),
                    ==, MEMTX_OK);
    g_assert_cmpstr(dev->log->str, ==,
                    "r7ffffffffffffffc/4;r8000000000000000/4;");

    address_space_destroy(&as);
    memory_region_finalize(&io);
    memory_region_finalize(&ram);
    memory_region_finalize(&root);
    testdev_free(dev);
    g_free(buf);
}

static void test_ram_ptr_and_readonly(void)
{
    MemoryRegion root, ram;
    AddressSpace as;
    uint8_t host[0x100] = { 0 };
    uint8_t b = 0x77;

    memory_region_init(&root, NULL, "root", 0x10000);
    memory_region_init_ram_ptr(&ram, NULL, "host", sizeof(host), host);
    g_assert_true(memory_region_get_ram_ptr(&ram) == host);
    memory_region_add_subregion(&root, 0x100, &ram);
    address_space_init(&as, &root, "test");
    g_assert_cmpint(address_space_write(&as, 0x180, &b, 1), ==, MEMTX_OK);
    g_assert_cmphex(host[0x80], ==, 0x77);

    /* Read-only on a container makes the RAM below it a ROM. */
    memory_region_set_readonly(&root, true);
    assert_view(&as, "100+100:host@0ro");
    b = 0x11;
    g_assert_cmpint(address_space_write(&as, 0x180, &b, 1), ==, MEMTX_OK);
    g_assert_cmphex(host[0x80], ==, 0x77);

    address_space_destroy(&as);
    memory_region_finalize(&ram);
    memory_region_finalize(&root);
}

static void test_ram_alloc_failure(void)
{
    MemoryRegion mr;
    Error *err = NULL;

    g_assert_false(memory_region_init_ram(&mr, NULL, "huge", UINT64_MAX,
                                          &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot set up guest memory 'huge': "
                    "Cannot allocate memory");
    error_free(err);
    err = NULL;
    memory_region_finalize(&mr);

    /* Larger than any host's address space. */
    g_assert_false(memory_region_init_ram(&mr, NULL, "pc.ram", 1ULL << 62,
                                          &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot set up guest memory 'pc.ram': "
                    "Cannot allocate memory");
    error_free(err);
    g_assert_null(memory_region_get_ram_ptr(&mr));
    memory_region_finalize(&mr);
}

/* ------------------------------------------------------------------ */
/* info mtree (expected texts are QEMU 7.2's output for the same trees) */

static void assert_mtree(bool flatview, const char *expected)
{
    GString *s = g_string_new("");

    mtree_info(s, flatview);
    g_assert_cmpstr(s->str, ==, expected);
    g_string_free(s, true);
}

/* qemu-system-x86_64 -M none -m 64: "info mtree" and "info mtree -f". */
static void test_mtree_none(void)
{
    MemoryRegion ram;

    g_assert_cmpuint(memory_address_spaces()->len, ==, 0);
    memory_map_init();
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 64 * MiB,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), 0, &ram);

    assert_mtree(false,
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
        "    0000000000000000-0000000003ffffff (prio 0, ram): ram\n"
        "\n"
        "address-space: I/O\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n");
    /* QEMU orders flat views by a hash; ours follow creation order. */
    assert_mtree(true,
        "FlatView #0\n"
        " AS \"memory\", root: system\n"
        " Root memory region: ram\n"
        "  0000000000000000-0000000003ffffff (prio 0, ram): ram\n"
        "\n"
        "FlatView #1\n"
        " AS \"I/O\", root: io\n"
        " Root memory region: io\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n");

    /* Unclaimed ports read as all-ones without an error, as on a PC. */
    {
        uint8_t b = 0;
        g_assert_cmpint(address_space_read(&address_space_io, 0x80, &b, 1),
                        ==, MEMTX_OK);
        g_assert_cmphex(b, ==, 0xff);
    }
    memory_region_del_subregion(get_system_memory(), &ram);
    memory_region_finalize(&ram);
}

/*
 * A cut-down "-M pc -nodefaults" memory map: every expected line below is
 * a line of QEMU 7.2's output for that machine.
 */
static void test_mtree_pc(void)
{
    MemoryRegion pc_ram, below4g, pci, pc_rom, bios, isa_bios, pam, ioapic;
    MemoryRegion pm, evt;
    MemoryRegion *sys = get_system_memory();
    GString *s;

    memory_region_transaction_begin();
    g_assert_true(memory_region_init_ram(&pc_ram, NULL, "pc.ram", 128 * MiB,
                                         &error_abort));
    memory_region_init_alias(&below4g, NULL, "ram-below-4g", &pc_ram, 0,
                             128 * MiB);
    memory_region_add_subregion(sys, 0, &below4g);
    memory_region_init(&pci, NULL, "pci", UINT64_MAX);
    memory_region_add_subregion_overlap(sys, 0, &pci, -1);
    g_assert_true(memory_region_init_rom(&pc_rom, NULL, "pc.rom", 0x20000,
                                         &error_abort));
    memory_region_add_subregion_overlap(&pci, 0xc0000, &pc_rom, 1);
    g_assert_true(memory_region_init_rom(&bios, NULL, "pc.bios", 0x40000,
                                         &error_abort));
    memory_region_init_alias(&isa_bios, NULL, "isa-bios", &bios, 0x20000,
                             0x20000);
    memory_region_add_subregion_overlap(&pci, 0xe0000, &isa_bios, 1);
    memory_region_add_subregion(&pci, 0xfffc0000, &bios);
    memory_region_init_alias(&pam, NULL, "pam-pci", &pci, 0xc0000, 0x40000);
    memory_region_add_subregion_overlap(sys, 0xc0000, &pam, 1);
    memory_region_init_io(&ioapic, NULL, &dummy_ops, NULL, "ioapic", 0x1000);
    memory_region_add_subregion(sys, 0xfec00000, &ioapic);

    memory_region_init(&pm, NULL, "piix4-pm", 0x40);
    memory_region_init_io(&evt, NULL, &dummy_ops, NULL, "acpi-evt", 4);
    memory_region_add_subregion(&pm, 0, &evt);
    memory_region_set_enabled(&pm, false);
    memory_region_add_subregion(get_system_io(), 0, &pm);
    memory_region_transaction_commit();

    assert_mtree(false,
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
        "    0000000000000000-0000000007ffffff (prio 0, ram): alias "
        "ram-below-4g @pc.ram 0000000000000000-0000000007ffffff\n"
        "    0000000000000000-ffffffffffffffff (prio -1, i/o): pci\n"
        "      00000000000c0000-00000000000dffff (prio 1, rom): pc.rom\n"
        "      00000000000e0000-00000000000fffff (prio 1, rom): alias "
        "isa-bios @pc.bios 0000000000020000-000000000003ffff\n"
        "      00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios\n"
        "    00000000000c0000-00000000000fffff (prio 1, i/o): alias "
        "pam-pci @pci 00000000000c0000-00000000000fffff\n"
        "    00000000fec00000-00000000fec00fff (prio 0, i/o): ioapic\n"
        "\n"
        "address-space: I/O\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "      0000000000000000-0000000000000003 (prio 0, i/o): acpi-evt\n"
        "\n"
        "memory-region: pc.ram\n"
        "  0000000000000000-0000000007ffffff (prio 0, ram): pc.ram\n"
        "\n"
        "memory-region: pc.bios\n"
        "  00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios\n"
        "\n"
        "memory-region: pci\n"
        "  0000000000000000-ffffffffffffffff (prio -1, i/o): pci\n"
        "    00000000000c0000-00000000000dffff (prio 1, rom): pc.rom\n"
        "    00000000000e0000-00000000000fffff (prio 1, rom): alias "
        "isa-bios @pc.bios 0000000000020000-000000000003ffff\n"
        "    00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios\n"
        "\n");

    assert_mtree(true,
        "FlatView #0\n"
        " AS \"memory\", root: system\n"
        " Root memory region: system\n"
        "  0000000000000000-00000000000bffff (prio 0, ram): pc.ram\n"
        "  00000000000c0000-00000000000dffff (prio 1, rom): pc.rom\n"
        "  00000000000e0000-00000000000fffff (prio 0, rom): pc.bios "
        "@0000000000020000\n"
        "  0000000000100000-0000000007ffffff (prio 0, ram): pc.ram "
        "@0000000000100000\n"
        "  00000000fec00000-00000000fec00fff (prio 0, i/o): ioapic\n"
        "  00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios\n"
        "\n"
        "FlatView #1\n"
        " AS \"I/O\", root: io\n"
        " Root memory region: io\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n");

    /* -D shows disabled regions with a marker (QEMU's "piix4-pm" line). */
    s = g_string_new("");
    mtree_info_full(s, false, true);
    g_assert_nonnull(strstr(s->str,
        "address-space: I/O\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "    0000000000000000-000000000000003f (prio 0, i/o): piix4-pm "
        "[disabled]\n"
        "      0000000000000000-0000000000000003 (prio 0, i/o): acpi-evt\n"
        "\n"));
    g_string_free(s, true);

    memory_region_transaction_begin();
    memory_region_finalize(&pm);
    memory_region_finalize(&evt);
    memory_region_finalize(&ioapic);
    memory_region_finalize(&pam);
    memory_region_finalize(&isa_bios);
    memory_region_finalize(&bios);
    memory_region_finalize(&pc_rom);
    memory_region_finalize(&pci);
    memory_region_finalize(&below4g);
    memory_region_finalize(&pc_ram);
    memory_region_transaction_commit();
    assert_mtree(true,
        "FlatView #0\n"
        " AS \"memory\", root: system\n"
        " Root memory region: (none)\n"
        "  No rendered FlatView\n"
        "\n"
        "FlatView #1\n"
        " AS \"I/O\", root: io\n"
        " Root memory region: io\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* The mtree tests expect no other address space: run them first. */
    g_test_add_func("/memory/mtree/none", test_mtree_none);
    g_test_add_func("/memory/mtree/pc", test_mtree_pc);
    g_test_add_func("/memory/flat/priorities", test_flat_priorities);
    g_test_add_func("/memory/flat/equal-priority", test_flat_equal_priority);
    g_test_add_func("/memory/flat/alias", test_flat_alias);
    g_test_add_func("/memory/flat/disabled", test_flat_disabled);
    g_test_add_func("/memory/flat/nested", test_flat_nested);
    g_test_add_func("/memory/flat/ram-with-subregions",
                    test_flat_ram_with_subregions);
    g_test_add_func("/memory/flat/merge", test_flat_merge);
    g_test_add_func("/memory/listener/sequences", test_listener_sequences);
    g_test_add_func("/memory/listener/priority", test_listener_priority_order);
    g_test_add_func("/memory/transaction/no-rerender",
                    test_no_rerender_without_change);
    g_test_add_func("/memory/transaction/batching", test_transaction_batching);
    g_test_add_func("/memory/dispatch/ram-io", test_dispatch_ram_io);
    g_test_add_func("/memory/dispatch/split-ranges",
                    test_dispatch_split_ranges);
    g_test_add_func("/memory/dispatch/impl-split", test_dispatch_impl_split);
    g_test_add_func("/memory/dispatch/widen", test_dispatch_widen);
    g_test_add_func("/memory/dispatch/valid-sizes",
                    test_dispatch_valid_sizes);
    g_test_add_func("/memory/dispatch/unaligned", test_dispatch_unaligned);
    g_test_add_func("/memory/dispatch/unmapped", test_dispatch_unmapped);
    g_test_add_func("/memory/dispatch/big-endian", test_dispatch_big_endian);
    g_test_add_func("/memory/dispatch/rom", test_dispatch_rom);
    g_test_add_func("/memory/dispatch/top-of-space",
                    test_dispatch_top_of_space);
    g_test_add_func("/memory/ram/ptr-readonly", test_ram_ptr_and_readonly);
    g_test_add_func("/memory/ram/alloc-failure", test_ram_alloc_failure);
    return g_test_run();
}
