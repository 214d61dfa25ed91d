#pragma once
// Errors of the rendering layer.
#include "core/error.hpp"

namespace cartes::render {

// No OpenGL 3.3 context can be created (no display, no driver). The message
// says what to do (set DISPLAY, run under xvfb-run).
struct DisplayError : Error {
  explicit DisplayError(std::string m) : Error(ExitCode::input, std::move(m)) {}
};

// A shader that does not compile or link, a framebuffer that is incomplete:
// the message names the shader file and carries the driver's log.
struct GlError : Error {
  explicit GlError(std::string m) : Error(ExitCode::internal, std::move(m)) {}
};

}  // namespace cartes::render
