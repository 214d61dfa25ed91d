// Helpers shared by the panels.
#include <imgui.h>

#include "app/panels.hpp"

namespace cartes::app {

std::string format_int(long long v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += "\u202f";  // narrow no-break space, as in French
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

void color_swatch(const render::Color& c, float size) {
  if (size <= 0) size = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size, p.y + size),
                                            ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1)), 2);
  ImGui::Dummy(ImVec2(size, size));
  ImGui::SameLine();
}

}  // namespace cartes::app
