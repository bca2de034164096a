//! The training's thread hand-off and the panic policy, compiled alone so
//! that ThreadSanitizer can check them (../tsan runs the tests).

#[path = "../../../src/threads.rs"]
pub mod threads;

#[path = "../../../src/network/engine/threads.rs"]
pub mod team;
