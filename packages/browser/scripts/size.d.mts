/** A lazily loaded chunk a scenario must have, recognised by the module it starts from. */
export interface LazyChunkExpectation {
  name: string;
  /** A substring of the path of the module the chunk starts from, e.g. `"passkey-methods"`. */
  chunk: string;
  /** Substrings of module paths that must not end up in the chunk. */
  forbidden?: string[];
  /** Strings that must not appear in the chunk's code. */
  forbiddenText?: string[];
}

/** A bundle-size scenario: an app entry importing from the built package. */
export interface SizeScenario {
  name: string;
  /** Most what loads up front may weigh, in bytes after minify + gzip. */
  budgetBytes?: number;
  /** Substrings of module paths that must not end up in what loads up front. */
  forbidden?: string[];
  /** Strings that must not appear in the code that loads up front. */
  forbiddenText?: string[];
  /** Chunks that must be loaded lazily (with `import()`), not up front. */
  lazy?: LazyChunkExpectation[];
  /** The app entry. */
  code: string;
}

/** Sizes and contents of a set of chunks. */
export interface ChunkMeasurement {
  /** Sum over the chunks, in bytes. */
  minBytes: number;
  /** Sum over the chunks, each gzipped (level 9) on its own, in bytes. */
  gzipBytes: number;
  /** Modules with bytes in the chunks. */
  inputs: string[];
  /** The chunks' code. */
  text: string;
  /** The chunks' paths, relative to the resolve directory. */
  files: string[];
}

/** A lazily loaded chunk and the chunks it needs beyond those loaded up front. */
export interface LazyChunkMeasurement extends ChunkMeasurement {
  /** The module the chunk starts from. */
  entryPoint: string;
}

/** A measured app: what loads up front, and each lazily loaded chunk. */
export interface SizeMeasurement extends ChunkMeasurement {
  lazy: LazyChunkMeasurement[];
}

/** One row of a report: a scenario's up-front part, or one of its lazy chunks. */
export type SizeRow = (SizeScenario | LazyChunkExpectation) &
  ChunkMeasurement & { budgetBytes?: number; lazy?: unknown; missing?: boolean };

export declare const CORE_BUDGET_BYTES: number;
export declare const scenarios: SizeScenario[];
export declare function measure(code: string, resolveDir?: string): Promise<SizeMeasurement>;
export declare function forbiddenInputs(row: {
  inputs: string[];
  text: string;
  forbidden?: string[];
  forbiddenText?: string[];
}): string[];
export declare function rowsOf(scenario: SizeScenario, measured: SizeMeasurement): SizeRow[];
export declare function measureAll(): Promise<SizeRow[]>;
