import { expect, it } from "vitest";
import { buildOpenApiDocument } from "./document.js";

it("docs/openapi.json matches the schemas (run `pnpm openapi` to update)", async () => {
  const document = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
  await expect(document).toMatchFileSnapshot("../../../docs/openapi.json");
});
