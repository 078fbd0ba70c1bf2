import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import OpenApiReference from "./OpenApiReference.vue";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("OpenApiReference", OpenApiReference);
  },
} satisfies Theme;
