# Tessera: builds every firmware image (AArch64, freestanding) and the host
# tools and tests. `make run` boots the demo, `make test` runs every test.

CROSS ?= aarch64-linux-gnu-
FW_CC := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
HOSTCC ?= gcc
DTC ?= dtc
BUILD ?= build
QEMU ?= qemu-system-aarch64
# Any raw AArch64 image to boot as the normal world (entered at NS-EL2 with
# x0 = device tree). Empty: our own demo program.
NS_IMAGE ?=

FW_CFLAGS := -std=c11 -O2 -g -flto -ffreestanding -nostdlib -fno-builtin \
	-fno-stack-protector -fno-pic -fno-pie -fno-common \
	-fno-strict-aliasing -fno-tree-loop-distribute-patterns \
	-mgeneral-regs-only -ffixed-x18 \
	-mbranch-protection=none -Wall -Wextra -Werror -I.
# Code that runs with its MMU off (all of boot and the monitor, the normal-
# world test program) sees Device memory, where unaligned accesses fault.
MMU_OFF := -mstrict-align
FW_LDFLAGS := -nostdlib -static -Wl,--build-id=none \
	-Wl,--no-warn-rwx-segments
HOST_CFLAGS := -std=c11 -O1 -g -Wall -Wextra -Werror -I. \
	-fsanitize=address,undefined -fno-omit-frame-pointer

FW_LIB := lib/string.c lib/fmt.c lib/log.c
PLAT_CONSOLE := plat/qemu-virt/uart.c

BOOT_SRCS := boot/start.S boot/boot.c boot/fdt_psci.c lib/sha256.c \
	lib/fdt.c lib/bootpkg.c plat/qemu-virt/gic.c $(PLAT_CONSOLE) \
	arch/aarch64/semihosting.c $(FW_LIB)
MONITOR_SRCS := monitor/entry.S monitor/monitor.c lib/bootpkg.c \
	plat/qemu-virt/power.c $(PLAT_CONSOLE) arch/aarch64/semihosting.c \
	$(FW_LIB)
SPMC_SRCS := spmc/entry.S spmc/main.c spmc/stage1.c spmc/partition.c \
	spmc/sp_run.c spmc/sp_call.c spmc/sp_fault.c spmc/ffa_dispatch.c \
	spmc/ffa_discovery.c spmc/ffa_rxtx.c spmc/ffa_msg.c spmc/ffa_mem.c \
	spmc/ffa_mem_frag.c spmc/ffa_notif.c spmc/ffa_indirect.c lib/notif.c \
	spmc/ns_policy.c lib/system_manifest.c lib/ta_policy.c \
	lib/ffa_boot_info.c \
	lib/ffa_mem_desc.c lib/mem_txn.c arch/aarch64/vcpu_run.S arch/aarch64/el1_context.S arch/aarch64/mmu.c \
	arch/aarch64/guest.c \
	lib/pgtable.c lib/manifest.c lib/fdt.c lib/bootpkg.c \
	lib/ffa_partinfo.c $(PLAT_CONSOLE) $(FW_LIB)
# Every trusted-OS build: the kernel, and one set of services (feature set)
TOS_CORE := tos/start.S tos/main.c tos/mmu.c tos/mem.c tos/ta_entry.S \
	lib/ffa_mem_desc.c \
	arch/aarch64/ffa_smc.S lib/pgtable.c $(FW_LIB)
TOS_TA := tos/ta.c tos/ta_access.c lib/ta_policy.c lib/ffa_boot_info.c \
	tos/vm_events.c tos/ta_images.S tos/optee_abi.c lib/optee_msg.c
TOS_SRCS := $(TOS_CORE) $(TOS_TA) tos/ta_table_general.c tos/services.c \
	tos/msg.c
TA_RUNTIME := tos/ta/start.S tos/ta/entry.c lib/string.c
TA_HELLO_SRCS := $(TA_RUNTIME) tos/ta/hello.c
TA_KEYSTORE_SRCS := $(TA_RUNTIME) tos/ta/keystore_ta.c lib/hmac_sha256.c \
	lib/ed25519.c lib/sha512.c \
	lib/sha256.c
TA_COUNTER_SRCS := $(TA_RUNTIME) tos/ta/counter_ta.c
KEYSTORE_SRCS := $(TOS_CORE) $(TOS_TA) tos/ta_table_keystore.c \
	tos/keystore.c lib/hmac_sha256.c lib/sha256.c
# The normal-world hypervisor and its guest kernel (issue 6, first part)
GUEST_SRCS := guest/start.S guest/main.c guest/ffa.c guest/test_life.c guest/test_discovery.c \
	guest/test_lend.c guest/test_ta_policy.c \
	guest/test_msg.c nwtest/teec.c lib/fdt.c \
	lib/ffa_mem_desc.c arch/aarch64/ffa_smc.S $(FW_LIB)
NWVISOR_SRCS := nwvisor/start.S nwvisor/main.c nwvisor/vm.c \
	nwvisor/vm_lifecycle.c nwvisor/vm_sched.c plat/qemu-virt/gic_cpu.c \
	nwvisor/ffa_proxy.c nwvisor/ffa_mem_proxy.c nwvisor/ta_access.c \
	nwvisor/ffa_discovery_proxy.c lib/ffa_partinfo.c nwvisor/images.S \
	lib/ffa_mem_desc.c arch/aarch64/vcpu_run.S \
	arch/aarch64/el1_context.S arch/aarch64/guest.c arch/aarch64/ffa_smc.S \
	lib/pgtable.c lib/fdt.c lib/system_manifest.c lib/ta_policy.c \
	lib/optee_msg.c $(PLAT_CONSOLE) $(FW_LIB)
NWTEST_SRCS := nwtest/start.S nwtest/main.c nwtest/test_ffa.c lib/fdt.c \
	nwtest/smc_preserved.S nwtest/test_mem.c nwtest/test_notif.c \
	nwtest/test_keystore.c nwtest/test_ta.c nwtest/test_optee.c \
	nwtest/teec.c nwtest/test_teec.c nwtest/test_preempt.c \
	plat/qemu-virt/gic_cpu.c \
	lib/ffa_mem_desc.c lib/ed25519.c lib/sha512.c \
	nwtest/test_isolation.c nwtest/demo.c nwtest/bench.c \
	arch/aarch64/ffa_smc.S arch/aarch64/semihosting.c $(PLAT_CONSOLE) \
	$(FW_LIB)

ALPHA_BASE := 0x0e400000
BETA_BASE := 0x0e600000
KEYSTORE_BASE := 0x0e800000
MANIFEST_BASE := 0x0e3f0000

.PHONY: all images deps run test unit-test qemu-test bench debug clean \
	linux-test run-linux run-tees \
	format tcb-size
all: images

deps:
	@tools/install-deps.sh

# Calls to memcpy/memset that the compiler itself emits are only resolved
# against real object code, not link-time-optimised IR.
$(BUILD)/%/lib/string.o: FW_CFLAGS += -fno-lto

# image NAME, SOURCES, EXTRA CFLAGS, LINKER SCRIPT, EXTRA LDFLAGS
# With -flto the code is generated at link time, so the link gets every
# compile flag too (-ffixed-x18, -mstrict-align, ...) or they are lost.
define image
$(1)_OBJS := $$(addprefix $(BUILD)/$(1)/,$$(addsuffix .o,$$(basename $(2))))
$(BUILD)/$(1)/%.o: %.c Makefile
	@mkdir -p $$(@D)
	$$(FW_CC) $$(FW_CFLAGS) $(3) -MMD -MP -c $$< -o $$@
$(BUILD)/$(1)/%.o: %.S Makefile
	@mkdir -p $$(@D)
	$$(FW_CC) $$(FW_CFLAGS) $(3) -MMD -MP -c $$< -o $$@
$(BUILD)/$(1).elf: $$($(1)_OBJS) $(4)
	$$(FW_CC) $$(FW_CFLAGS) $(3) $$(FW_LDFLAGS) -T $(4) $(5) -o $$@ \
		$$($(1)_OBJS) -lgcc
$(BUILD)/$(1).bin: $(BUILD)/$(1).elf
	$$(OBJCOPY) -O binary $$< $$@
-include $$($(1)_OBJS:.o=.d)
FW_BINS += $(BUILD)/$(1).bin
endef

$(eval $(call image,boot,$(BOOT_SRCS),$(MMU_OFF),boot/boot.ld))
$(eval $(call image,monitor,$(MONITOR_SRCS),$(MMU_OFF),monitor/monitor.ld))
$(eval $(call image,spmc,$(SPMC_SRCS),,spmc/spmc.ld))
$(eval $(call image,guest,$(GUEST_SRCS),$(MMU_OFF),guest/guest.ld))
$(eval $(call image,nwvisor,$(NWVISOR_SRCS),$(MMU_OFF),nwvisor/nwvisor.ld))
$(BUILD)/nwvisor/nwvisor/images.o: $(BUILD)/guest.bin $(BUILD)/manifests/system.dtb
$(BUILD)/nwvisor/nwvisor/images.o: FW_CFLAGS += \
	-DSYSTEM_DTB='"$(BUILD)/manifests/system.dtb"' -DGUEST_BIN='"$(BUILD)/guest.bin"'
# Trusted Applications: S-EL0 images built into the general trusted OS
$(eval $(call image,ta-hello,$(TA_HELLO_SRCS),,tos/ta/ta.ld))
$(eval $(call image,ta-keystore,$(TA_KEYSTORE_SRCS),,tos/ta/ta.ld))
$(eval $(call image,ta-counter,$(TA_COUNTER_SRCS),,tos/ta/ta.ld))
TA_BINS := $(BUILD)/ta-hello.bin $(BUILD)/ta-keystore.bin \
	$(BUILD)/ta-counter.bin
$(foreach t,tos-alpha tos-alpha-probe tos-beta tos-keystore,$(eval \
	$(BUILD)/$(t)/tos/ta_images.o: $(TA_BINS)))
$(BUILD)/%/tos/ta_images.o: FW_CFLAGS += -DTA_HELLO_BIN='"$(BUILD)/ta-hello.bin"' \
	-DTA_KEYSTORE_BIN='"$(BUILD)/ta-keystore.bin"' \
	-DTA_COUNTER_BIN='"$(BUILD)/ta-counter.bin"'
$(eval $(call image,tos-alpha,$(TOS_SRCS),,tos/tos.ld,-Xlinker --defsym=TOS_BASE=$(ALPHA_BASE)))
$(eval $(call image,tos-alpha-probe,$(TOS_SRCS),-DTOS_PROBE,tos/tos.ld,-Xlinker --defsym=TOS_BASE=$(ALPHA_BASE)))
$(eval $(call image,tos-beta,$(TOS_SRCS),,tos/tos.ld,-Xlinker --defsym=TOS_BASE=$(BETA_BASE)))
$(eval $(call image,tos-keystore,$(KEYSTORE_SRCS),-DTOS_KEYSTORE,tos/tos.ld,-Xlinker --defsym=TOS_BASE=$(KEYSTORE_BASE)))
$(eval $(call image,nwtest-demo,$(NWTEST_SRCS),$(MMU_OFF) -DNW_SCENARIO_DEMO,nwtest/nwtest.ld))
$(eval $(call image,nwtest-ffa,$(NWTEST_SRCS),$(MMU_OFF),nwtest/nwtest.ld))
$(eval $(call image,nwtest-bench,$(NWTEST_SRCS),$(MMU_OFF) -DNW_SCENARIO_BENCH,nwtest/nwtest.ld))
ISOLATION_CASES := 1 2 3 4 5 6 7 8 9 10 11
$(foreach n,$(ISOLATION_CASES),$(eval $(call image,nwtest-iso$(n),$(NWTEST_SRCS),$(MMU_OFF) -DNW_SCENARIO_ISOLATION=$(n),nwtest/nwtest.ld)))

# Manifests: DTS through the C preprocessor (for shared constants), then dtc.
$(BUILD)/manifests/%.dtb: manifests/%.dts manifests/system.dts manifests/uuids.h \
		tos/ta/hello.h
	@mkdir -p $(@D)
	cpp -P -nostdinc -I. -undef -x assembler-with-cpp $< | \
		$(DTC) -q -I dts -O dtb -o $@ -

# Host tools
MKPKG := $(BUILD)/tools/mkpkg
$(MKPKG): tools/mkpkg.c lib/bootpkg.c lib/sha256.c lib/bootpkg.h
	@mkdir -p $(@D)
	$(HOSTCC) -std=c11 -O2 -Wall -Wextra -Werror -I. -o $@ \
		tools/mkpkg.c lib/bootpkg.c lib/sha256.c

# pkg NAME, NORMAL-WORLD IMAGE, ALPHA IMAGE[, SYSTEM MANIFEST]: a normal
# world without a hypervisor calls as ID 0, which system-bare lets call
# every TEE; under the hypervisor ID 0 may call only what its guests may
define package
$(BUILD)/$(1).flash: $(BUILD)/boot.bin $(BUILD)/monitor.bin \
		$(BUILD)/spmc.bin $(3) $(BUILD)/tos-beta.bin \
		$(BUILD)/tos-keystore.bin $(BUILD)/manifests/sp-alpha.dtb \
		$(BUILD)/manifests/sp-beta.dtb $(BUILD)/manifests/sp-keystore.dtb \
		$(if $(4),$(4),$(BUILD)/manifests/system-bare.dtb) $(2) $(MKPKG)
	$(MKPKG) $(BUILD)/$(1).pkg \
		monitor:monitor:0x0e000000:$(BUILD)/monitor.bin \
		spmc:spmc:0x0e100000:$(BUILD)/spmc.bin \
		alpha:manifest:$(MANIFEST_BASE):$(BUILD)/manifests/sp-alpha.dtb \
		alpha:partition:$(ALPHA_BASE):$(3) \
		beta:manifest:0x0e3f1000:$(BUILD)/manifests/sp-beta.dtb \
		beta:partition:$(BETA_BASE):$(BUILD)/tos-beta.bin \
		keystore:manifest:0x0e3f2000:$(BUILD)/manifests/sp-keystore.dtb \
		keystore:partition:$(KEYSTORE_BASE):$(BUILD)/tos-keystore.bin \
		system:system:0x0e3f8000:$(if $(4),$(4),$(BUILD)/manifests/system-bare.dtb) \
		normal:normal-world:0x40200000:$(2) > $(BUILD)/$(1).layout
	cp $(BUILD)/boot.bin $$@.tmp
	truncate -s 256K $$@.tmp
	cat $(BUILD)/$(1).pkg >> $$@.tmp
	mv $$@.tmp $$@
FLASHES += $(BUILD)/$(1).flash
endef

DEMO_NS := $(if $(NS_IMAGE),$(NS_IMAGE),$(BUILD)/nwtest-demo.bin)
$(eval $(call package,demo,$(DEMO_NS),$(BUILD)/tos-alpha.bin))
$(eval $(call package,test-ffa,$(BUILD)/nwtest-ffa.bin,$(BUILD)/tos-alpha.bin))
$(eval $(call package,bench,$(BUILD)/nwtest-bench.bin,$(BUILD)/tos-alpha.bin))
$(foreach n,$(ISOLATION_CASES),$(eval $(call package,test-iso$(n),$(BUILD)/nwtest-iso$(n).bin,$(BUILD)/tos-alpha-probe.bin)))
$(eval $(call package,guests,$(BUILD)/nwvisor.bin,$(BUILD)/tos-alpha.bin,$(BUILD)/manifests/system.dtb))
# Linux as the normal world (linux/): kernels built on demand, see linux-test
LINUX := $(BUILD)/linux
$(eval $(call package,linux-check,$(LINUX)/Image-check,$(BUILD)/tos-alpha.bin))
$(eval $(call package,linux-shell,$(LINUX)/Image-shell,$(BUILD)/tos-alpha.bin))
FLASHES := $(filter-out $(BUILD)/linux-%.flash,$(FLASHES))

images: $(FW_BINS) $(FLASHES)

# Host unit tests (cmocka, ASan + UBSan)
UNIT_TESTS := $(patsubst test/unit/%.c,$(BUILD)/unit/%,$(wildcard test/unit/test_*.c))
UNIT_LIB := lib/sha256.c lib/fdt.c lib/manifest.c lib/bootpkg.c \
	lib/pgtable.c lib/ffa_partinfo.c lib/fmt.c boot/fdt_psci.c lib/mem_txn.c \
	lib/ffa_mem_desc.c lib/notif.c lib/hmac_sha256.c lib/optee_msg.c \
	lib/sha512.c lib/ed25519.c lib/system_manifest.c lib/ta_policy.c \
	lib/ffa_boot_info.c
TEST_DTS := $(wildcard test/unit/data/*.dts)
TEST_DTBS := $(patsubst test/unit/data/%.dts,$(BUILD)/test-data/%.dtb,$(TEST_DTS))
$(BUILD)/test-data/%.dtb: test/unit/data/%.dts
	@mkdir -p $(@D)
	$(DTC) -q -I dts -O dtb -o $@ $<
# The SPMC's FF-A handlers, built for the host with stand-ins for hardware
UNIT_EXTRA_test_spmc_ffa := spmc/ffa_discovery.c spmc/ffa_rxtx.c \
	spmc/ffa_msg.c spmc/ffa_dispatch.c spmc/partition.c spmc/sp_call.c \
	spmc/sp_fault.c spmc/ffa_mem.c spmc/ffa_mem_frag.c spmc/ffa_notif.c \
	spmc/ffa_indirect.c spmc/ns_policy.c \
	lib/log.c test/unit/spmc_host.c
$(BUILD)/unit/test_spmc_ffa: $(UNIT_EXTRA_test_spmc_ffa) $(wildcard spmc/*.h) \
	$(BUILD)/manifests/sp-alpha.dtb $(BUILD)/manifests/sp-beta.dtb \
	$(BUILD)/manifests/system.dtb
UNIT_EXTRA_test_spmc_mem := $(UNIT_EXTRA_test_spmc_ffa)
UNIT_EXTRA_test_spmc_notif := $(UNIT_EXTRA_test_spmc_ffa)
# The normal world's GP client, against the TEE's own decoder
UNIT_EXTRA_test_teec := nwtest/teec.c
$(BUILD)/unit/test_teec: $(UNIT_EXTRA_test_teec) $(wildcard nwtest/*.h)
$(BUILD)/unit/test_spmc_mem $(BUILD)/unit/test_spmc_notif: \
	$(UNIT_EXTRA_test_spmc_ffa) $(wildcard spmc/*.h) \
	$(BUILD)/manifests/sp-alpha.dtb $(BUILD)/manifests/sp-beta.dtb \
	$(BUILD)/manifests/system.dtb
$(BUILD)/unit/test_manifest: $(BUILD)/manifests/sp-alpha.dtb \
	$(BUILD)/manifests/sp-beta.dtb
$(BUILD)/unit/%: test/unit/%.c $(UNIT_LIB) $(wildcard lib/*.h) \
	$(wildcard test/unit/*.h) $(wildcard manifests/*.h)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(UNIT_LIB) $(UNIT_EXTRA_$*) -lcmocka

unit-test: $(UNIT_TESTS) $(TEST_DTBS)
	@tools/run-unit-tests.sh $(BUILD) $(UNIT_TESTS)

qemu-test: images
	@test/qemu/run.sh $(BUILD)

# The README's commands: each installs what is missing first.
# The default demo: the normal-world hypervisor's two guests, each served
# by the TEE it may use and refused by the other, one resetting and then
# misbehaving while the other keeps calling; both hypervisors log.
run:
	@tools/install-deps.sh
	@$(MAKE) --no-print-directory images
	@tools/run-qemu.sh --icount $(BUILD)/guests.flash

# Without a hypervisor: one OS at NS-EL2 using all three TEEs by name
run-tees:
	@tools/install-deps.sh
	@$(MAKE) --no-print-directory images
	@tools/run-qemu.sh $(BUILD)/demo.flash

test:
	@tools/install-deps.sh
	@$(MAKE) --no-print-directory images $(UNIT_TESTS) $(TEST_DTBS)
	@linux/build-kernel.sh $(LINUX) check
	@$(MAKE) --no-print-directory $(BUILD)/linux-check.flash
	@tools/test-all.sh $(BUILD)

# Debian's linux-source-6.1 and libteec against Tessera (linux/); the
# kernel is built once and kept in $(LINUX) until its inputs change.
linux-test:
	@tools/install-deps.sh
	@$(MAKE) --no-print-directory images
	@linux/build-kernel.sh $(LINUX) check
	@$(MAKE) --no-print-directory $(BUILD)/linux-check.flash
	@test/qemu/linux.sh $(BUILD)

run-linux:
	@tools/install-deps.sh
	@$(MAKE) --no-print-directory images
	@linux/build-kernel.sh $(LINUX) shell
	@$(MAKE) --no-print-directory $(BUILD)/linux-shell.flash
	@echo "Linux's console here; the secure world's log goes to $(BUILD)/linux-shell.secure.log"
	@tools/qemu-cmd.sh $(BUILD)/linux-shell.flash -icount shift=0,sleep=off \
		-monitor none -serial stdio \
		-serial file:$(BUILD)/linux-shell.secure.log

bench:
	@tools/install-deps.sh
	@$(MAKE) --no-print-directory images
	@tools/run-qemu.sh --icount $(BUILD)/bench.flash

debug:
	@tools/install-deps.sh
	@$(MAKE) --no-print-directory images
	@tools/debug.sh $(BUILD)

tcb-size: images
	@tools/tcb-size.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD)
