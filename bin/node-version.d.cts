// The line to print when these versions cannot run the tool, else undefined.
export declare function nodeVersionProblem(versions: { node?: string } | undefined): string | undefined;
