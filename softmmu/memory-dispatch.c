/*
 * Guest-physical reads and writes through an address space's flat view
 * (include/exec/memory.h): RAM is copied, I/O regions get callbacks whose
 * sizes follow the region's valid (guest-visible) and impl (callback) rules.
 *
 * Guest addresses and lengths are untrusted: every end is computed in 128
 * bits, and bytes past the top of the 2^64 space count as unmapped.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "exec/memory.h"
#include "memory-internal.h"

#define ADDR_TOP ((u128)1 << 64)

static const char *access_kind(bool is_write)
{
    return is_write ? "write" : "read";
}

/* ------------------------------------------------------------------ */
/* I/O regions                                                         */

static unsigned pow2_floor(uint64_t n)
{
    unsigned r = 1;

    while (r * 2 <= n && r < 8) {
        r *= 2;
    }
    return r;
}

/*
 * Size of the next guest access to an I/O region: at most valid.max
 * (0 means 4, QEMU's assumption for regions that say nothing), no more
 * than the address's alignment unless the callbacks take unaligned
 * accesses, and a power of two.
 */
static unsigned io_piece_size(const MemoryRegion *mr, uint64_t len,
                              hwaddr addr)
{
    const MemoryRegionOps *ops = mr->ops;
    uint64_t max = ops && ops->valid.max_access_size ?
                   ops->valid.max_access_size : 4;

    if (max > 8) {
        max = 8;
    }
    if (!ops || !ops->impl.unaligned) {
        hwaddr align = addr & -addr;
        if (align && align < max) {
            max = align;
        }
    }
    return pow2_floor(len < max ? len : max);
}

/* The guest-visible rules: refuse what the device does not accept. */
static bool io_access_valid(const MemoryRegion *mr, hwaddr addr,
                            unsigned size, bool is_write)
{
    const MemoryRegionOps *ops = mr->ops;

    if (!ops || (is_write ? !ops->write : !ops->read)) {
        qemu_log_mask(LOG_GUEST_ERROR, "Invalid %s at addr 0x%" PRIX64
                      ", size %u, region '%s', reason: rejected\n",
                      access_kind(is_write), addr, size,
                      memory_region_name(mr));
        return false;
    }
    if (!ops->valid.unaligned && (addr & (size - 1))) {
        qemu_log_mask(LOG_GUEST_ERROR, "Invalid %s at addr 0x%" PRIX64
                      ", size %u, region '%s', reason: unaligned\n",
                      access_kind(is_write), addr, size,
                      memory_region_name(mr));
        return false;
    }
    if (!ops->valid.max_access_size) {
        return true;    /* 0 means any size, 1..8 */
    }
    if (size < ops->valid.min_access_size ||
        size > ops->valid.max_access_size) {
        qemu_log_mask(LOG_GUEST_ERROR, "Invalid %s at addr 0x%" PRIX64
                      ", size %u, region '%s', reason: invalid size "
                      "(min:%u max:%u)\n",
                      access_kind(is_write), addr, size,
                      memory_region_name(mr), ops->valid.min_access_size,
                      ops->valid.max_access_size);
        return false;
    }
    return true;
}

/*
 * One callback of 'unit' bytes at region offset 'base', moving the bytes
 * it shares with the access [addr, addr + size) held in buf. Doing it byte
 * by byte serves splitting, widening and both endiannesses alike: in a
 * little-endian device byte base+k is bits 8k.., in a big-endian one
 * bits 8(unit-1-k)... Bytes of a widened write outside the access are 0.
 */
static void io_call_unit(MemoryRegion *mr, u128 base, unsigned unit,
                         hwaddr addr, uint8_t *buf, unsigned size,
                         bool is_write)
{
    const MemoryRegionOps *ops = mr->ops;
    bool big = ops->endianness == DEVICE_BIG_ENDIAN;
    u128 lo = base > addr ? base : addr;
    u128 hi = base + unit < (u128)addr + size ? base + unit
                                               : (u128)addr + size;
    uint64_t v = 0;
    u128 x;

    if (!is_write) {
        v = ops->read(mr->opaque, (hwaddr)base, unit);
    }
    for (x = lo; x < hi; x++) {
        unsigned k = (unsigned)(x - base);
        unsigned shift = (big ? unit - 1 - k : k) * 8;
        uint8_t *p = &buf[x - addr];

        if (is_write) {
            v |= (uint64_t)*p << shift;
        } else {
            *p = (uint8_t)(v >> shift);
        }
    }
    if (is_write) {
        ops->write(mr->opaque, (hwaddr)base, v, unit);
    }
}

/* Fit a valid access to the callbacks' impl sizes (0 means 1..4). */
static void io_access_adjusted(MemoryRegion *mr, hwaddr addr, uint8_t *buf,
                               unsigned size, bool is_write)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned impl_min = ops->impl.min_access_size ?
                        ops->impl.min_access_size : 1;
    unsigned impl_max = ops->impl.max_access_size ?
                        ops->impl.max_access_size : 4;
    u128 base, end = (u128)addr + size;
    unsigned unit;

    impl_max = MIN(impl_max, 8);
    impl_min = MIN(impl_min, impl_max);
    if (size >= impl_min) {
        /* Wider than the callbacks: pieces of impl.max, in address order. */
        unit = MIN(size, impl_max);
        base = addr;
    } else {
        /* Narrower: the aligned wider unit(s) holding the access. */
        unit = impl_min;
        base = addr & ~(hwaddr)(unit - 1);
    }
    for (; base < end; base += unit) {
        io_call_unit(mr, base, unit, addr, buf, size, is_write);
    }
}

static MemTxResult io_access(MemoryRegion *mr, hwaddr addr, uint8_t *buf,
                             uint64_t len, bool is_write)
{
    MemTxResult res = MEMTX_OK;

    while (len) {
        unsigned l = io_piece_size(mr, len, addr);

        if (io_access_valid(mr, addr, l, is_write)) {
            io_access_adjusted(mr, addr, buf, l, is_write);
        } else {
            if (!is_write) {
                memset(buf, 0xff, l);
            }
            res |= MEMTX_DECODE_ERROR;
        }
        addr += l;      /* may wrap past the last piece; never used then */
        buf += l;
        len -= l;
    }
    return res;
}

/* ------------------------------------------------------------------ */
/* Walking the flat view                                               */

static MemTxResult unmapped_access(u128 addr, uint8_t *buf, u128 len,
                                   bool is_write)
{
    qemu_log_mask(LOG_GUEST_ERROR, "Invalid %s at addr 0x%" PRIX64
                  ", size %" PRIu64 ", region '(null)', reason: rejected\n",
                  access_kind(is_write), (uint64_t)addr, (uint64_t)len);
    if (!is_write) {
        memset(buf, 0xff, (size_t)len);
    }
    return MEMTX_DECODE_ERROR;
}

static MemTxResult ram_access(const FlatRange *fr, hwaddr addr, uint8_t *buf,
                              uint64_t len, bool is_write, bool force)
{
    uint8_t *host = (uint8_t *)fr->mr->ram_ptr + fr->offset_in_region +
                    (addr - fr->addr);

    if (!is_write) {
        memcpy(buf, host, len);
    } else if (!fr->readonly || force) {
        memcpy(host, buf, len);
    } else {
        /* As QEMU's TCG: a ROM ignores guest writes. */
        qemu_log_mask(LOG_GUEST_ERROR, "Invalid write at addr 0x%" PRIX64
                      ", size %" PRIu64 ", region '%s', reason: read-only\n",
                      addr, len, memory_region_name(fr->mr));
    }
    return MEMTX_OK;
}

/*
 * rom_load: the loader's write, which reaches RAM even when read-only and
 * silently skips I/O and holes (as QEMU's address_space_write_rom).
 */
static MemTxResult flatview_access(AddressSpace *as, hwaddr addr,
                                   uint8_t *buf, hwaddr len, bool is_write,
                                   bool rom_load)
{
    FlatView *fv = address_space_get_flatview(as);
    MemTxResult res = MEMTX_OK;
    u128 pos = addr, end = (u128)addr + len;

    while (pos < end) {
        uint8_t *p = buf + (size_t)(pos - addr);
        const FlatRange *fr = NULL;
        u128 stop = ADDR_TOP;
        int i;

        if (pos >= ADDR_TOP) {
            /* The access ran off the top of the space. */
            if (!rom_load) {
                res |= unmapped_access(pos, p, end - pos, is_write);
            }
            break;
        }
        i = flatview_find_index(fv, (hwaddr)pos);
        if (i >= 0 && pos - fv->ranges[i].addr < fv->ranges[i].size) {
            fr = &fv->ranges[i];
            stop = (u128)fr->addr + fr->size;
        } else if (i + 1 < (int)fv->nr) {
            stop = fv->ranges[i + 1].addr;
        }
        if (stop > end) {
            stop = end;
        }

        if (fr && fr->mr->kind == MR_KIND_RAM && fr->mr->ram_ptr) {
            res |= ram_access(fr, (hwaddr)pos, p, (uint64_t)(stop - pos),
                              is_write, rom_load);
        } else if (rom_load) {
            /* Loaders only fill memory. */
        } else if (fr && fr->mr->kind == MR_KIND_IO) {
            res |= io_access(fr->mr,
                             fr->offset_in_region + (hwaddr)(pos - fr->addr),
                             p, (uint64_t)(stop - pos), is_write);
        } else {
            res |= unmapped_access(pos, p, stop - pos, is_write);
        }
        pos = stop;
    }
    flatview_unref(fv);
    return res;
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, void *buf,
                             hwaddr len, bool is_write)
{
    return flatview_access(as, addr, buf, len, is_write, false);
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr, void *buf,
                               hwaddr len)
{
    return flatview_access(as, addr, buf, len, false, false);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                const void *buf, hwaddr len)
{
    /* Writes only read from buf; the cast serves the shared walker. */
    return flatview_access(as, addr, (uint8_t *)buf, len, true, false);
}

MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    const void *buf, hwaddr len)
{
    return flatview_access(as, addr, (uint8_t *)buf, len, true, true);
}
