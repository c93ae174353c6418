package dev.daxray.families.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** v0 Rust symbols as Rust-for-Linux kernels print them in stack traces (RFC 2603). */
class RustSymbolsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            _RNvCscSpY9Juk0HT_7___rustc17rust_begin_unwind                                   | __rustc::rust_begin_unwind
            _RNvNtCs9jEwPDbx20M_4core9panicking9panic_fmt                                     | core::panicking::panic_fmt
            _RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref          | <rust_binder::process::Process>::update_ref
            _RNvXs1_CscPPBqWtAqum_11ashmem_rustNtB5_6AshmemNtNtCs43vyB533jt3_6kernel10miscdevice10MiscDevice4mmap | <ashmem_rust::Ashmem as kernel::miscdevice::MiscDevice>::mmap
            _RNvMNtCs1234_4core5sliceSh3len                                                   | <[u8]>::len
            _RINvNtCs1234_4core3mem4swapRmE                                                   | core::mem::swap::<&u32>
            _RNCNvCs1234_4main4main0                                                          | main::main::{closure#0}
            __x64_sys_ioctl                                                                   | __x64_sys_ioctl
            _RNvC                                                                             | _RNvC
            """)
    void demangles(String symbol, String expected) {
        assertEquals(expected, RustSymbols.demangle(symbol));
    }
}
