#pragma once
// The OpenGL entry points of src/render and src/app.
//
// Loader choice: no loader library. Debian's libGL.so.1 is libglvnd, whose
// dispatch layer exports every core and extension entry point (3 470 `gl*`
// symbols, glGenVertexArrays included) and forwards each call to the vendor
// library of the current context (Mesa llvmpipe under Xvfb, NVIDIA on a GPU
// machine). With GL_GLEXT_PROTOTYPES the prototypes in <GL/glext.h> link
// straight against it: no extra package (libepoxy), no function-pointer table
// to keep in sync, and the same code works with a GLX (GLFW) or an EGL context
// (tools/bench/gpu). Dear ImGui's OpenGL3 backend keeps its own internal
// loader inside libimgui.a; the two do not interact.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
