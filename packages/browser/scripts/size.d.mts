/** A bundle-size scenario: an app entry importing from the built package. */
export interface SizeScenario {
  name: string;
  /** Most the bundle may weigh, in bytes after minify + gzip. */
  budgetBytes?: number;
  /** Substrings of module paths that must not end up in the bundle. */
  forbidden?: string[];
  /** The app entry. */
  code: string;
}

/** A measured bundle. */
export interface SizeMeasurement {
  minBytes: number;
  gzipBytes: number;
  /** Modules with bytes in the output. */
  inputs: string[];
}

export declare const scenarios: SizeScenario[];
export declare function measure(code: string): Promise<SizeMeasurement>;
export declare function measureAll(): Promise<(SizeScenario & SizeMeasurement)[]>;
export declare function forbiddenInputs(row: SizeScenario & SizeMeasurement): string[];
