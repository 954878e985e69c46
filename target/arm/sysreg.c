/*
 * The system register registry (see sysreg.h): a hash table from the
 * MRS/MSR encoding to the owner's descriptor.
 */
#include "qemu/osdep.h"
#include "sysreg.h"

static GHashTable *arm_sysreg_table;    /* key -> const ARMSysReg * */
static GPtrArray *arm_sysreg_list;      /* every descriptor, for reset */

static unsigned arm_sysreg_key(unsigned op0, unsigned op1, unsigned crn,
                               unsigned crm, unsigned op2)
{
    return op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
}

void arm_sysregs_register(const ARMSysReg *regs, size_t n)
{
    size_t i;

    if (!arm_sysreg_table) {
        arm_sysreg_table = g_hash_table_new(g_direct_hash, g_direct_equal);
        arm_sysreg_list = g_ptr_array_new();
    }
    for (i = 0; i < n; i++) {
        const ARMSysReg *ri = &regs[i];
        gpointer key = GUINT_TO_POINTER(arm_sysreg_key(ri->op0, ri->op1,
                                                       ri->crn, ri->crm,
                                                       ri->op2));
        const ARMSysReg *old = g_hash_table_lookup(arm_sysreg_table, key);

        if (old == ri) {
            continue;                   /* the same table again */
        }
        if (old) {
            g_error("system register %s registered twice (also %s)",
                    ri->name, old->name);
        }
        g_hash_table_insert(arm_sysreg_table, key, (gpointer)ri);
        g_ptr_array_add(arm_sysreg_list, (gpointer)ri);
    }
}

static uint64_t arm_sysreg_read_zero(CPUARMState *env, const ARMSysReg *ri)
{
    return 0;
}

/* The rest of the ID space (op0 3, op1 0, CRn 0, CRm 1-7) reads as zero. */
static const ARMSysReg arm_sysreg_id_raz = {
    "ID (reserved)", 3, 0, 0, 0, 0, EL1_R, arm_sysreg_read_zero
};

const ARMSysReg *arm_sysreg_find(unsigned op0, unsigned op1, unsigned crn,
                                 unsigned crm, unsigned op2)
{
    const ARMSysReg *ri = NULL;

    if (arm_sysreg_table) {
        ri = g_hash_table_lookup(arm_sysreg_table,
                                 GUINT_TO_POINTER(arm_sysreg_key(op0, op1, crn,
                                                                 crm, op2)));
    }
    if (!ri && op0 == 3 && op1 == 0 && crn == 0 && crm >= 1 && crm <= 7) {
        return &arm_sysreg_id_raz;
    }
    return ri;
}

void arm_sysregs_init(void)
{
    static gsize done;

    if (g_once_init_enter(&done)) {
        arm_sysregs_register_core();
        arm_sysregs_register_exception();
        arm_sysregs_register_mmu();
        arm_sysregs_register_timer();
        arm_sysregs_register_debug();
        arm_sysregs_register_fp();
        g_once_init_leave(&done, 1);
    }
}

void arm_sysregs_reset(ARMCPU *cpu)
{
    size_t env_start = offsetof(ARMCPU, env);
    size_t env_end = env_start + sizeof(CPUARMState);
    guint i;

    for (i = 0; arm_sysreg_list && i < arm_sysreg_list->len; i++) {
        const ARMSysReg *ri = g_ptr_array_index(arm_sysreg_list, i);

        if (ri->offset >= env_start && ri->offset + 8 <= env_end) {
            *arm_sysreg_field(&cpu->env, ri) = ri->resetvalue;
        }
    }
}

uint64_t arm_sysreg_read(CPUARMState *env, const ARMSysReg *ri)
{
    return ri->read ? ri->read(env, ri) : *arm_sysreg_field(env, ri);
}

void arm_sysreg_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    if (ri->write) {
        ri->write(env, ri, v);
    } else if (!ri->read) {
        *arm_sysreg_field(env, ri) = v;
    }
}
