/* Program entry: parse and build (vl.c), run the main loop, clean up. */
#include "qemu/osdep.h"
#include "sysemu/vl.h"

int main(int argc, char **argv)
{
    qemu_init(argc, argv);
    return qemu_main_loop_run();
}
