import { describe, expect, it } from "vitest";
import { ClientArgumentError } from "../errors/index.js";
import { artifactName, forwardToFsArtifact, splitArtifactArguments } from "./session-artifacts.js";

function errorClassOf(thunk: () => unknown): string | undefined {
  try {
    thunk();
  } catch (error) {
    if (error instanceof ClientArgumentError) return error.errorClass;
    throw error;
  }
  throw new Error("expected the call to throw");
}

describe("artifact names follow PySpark's rules", () => {
  it("a jar by default, files/archives/pyfiles by flag", () => {
    expect(artifactName("/tmp/lib/x.jar", {}).name).toBe("jars/x.jar");
    expect(artifactName("/tmp/notes.txt", { file: true }).name).toBe("files/notes.txt");
    expect(artifactName("/tmp/x.jar", { file: true }).name).toBe("files/x.jar");
    expect(artifactName("/tmp/data.tar.gz", { archive: true }).name).toBe("archives/data.tar.gz");
    expect(artifactName("/tmp/data.zip#alias", { archive: true }).name).toBe("archives/data.zip#alias");
    expect(artifactName("/tmp/mod.py", { pyfile: true }).name).toBe("pyfiles/mod.py");
    expect(artifactName("/tmp/pkg.egg", { pyfile: true }).name).toBe("pyfiles/pkg.egg");
  });

  it("relative paths and file: URIs name local files", () => {
    expect(artifactName("lib/y.jar", {})).toEqual({ name: "jars/y.jar", localPath: `${process.cwd()}/lib/y.jar` });
    expect(artifactName("file:///tmp/with%20space.jar", {})).toEqual({
      name: "jars/with space.jar",
      localPath: "/tmp/with space.jar",
    });
  });

  it("a flag that does not fit the extension falls back to the jar rule, else the format is unsupported", () => {
    expect(artifactName("/tmp/x.jar", { archive: true }).name).toBe("archives/x.jar");
    expect(artifactName("/tmp/x.jar", { pyfile: true }).name).toBe("pyfiles/x.jar");
    expect(errorClassOf(() => artifactName("/tmp/notes.txt", {}))).toBe("UNSUPPORTED_OPERATION");
    expect(errorClassOf(() => artifactName("/tmp/notes.txt", { archive: true }))).toBe("UNSUPPORTED_OPERATION");
    expect(errorClassOf(() => artifactName("https://example.com/x.jar", {}))).toBe("UNSUPPORTED_OPERATION");
  });

  it("at most one of pyfile, archive and file", () => {
    expect(errorClassOf(() => splitArtifactArguments(["/tmp/a.zip", { archive: true, file: true }]))).toBe(
      "INVALID_MULTIPLE_ARGUMENT_CONDITIONS",
    );
    expect(splitArtifactArguments(["/a.jar", "/b.jar"])).toEqual({ paths: ["/a.jar", "/b.jar"], kind: {} });
    expect(splitArtifactArguments(["/a.txt", { file: true }])).toEqual({ paths: ["/a.txt"], kind: { file: true } });
  });

  it("copyFromLocalToFs names forward_to_fs plus the absolute destination, which must have no scheme", async () => {
    const artifact = await forwardToFsArtifact("package.json", "/data/in/package.json");
    expect(artifact.name).toBe("forward_to_fs/data/in/package.json");
    expect(artifact.data.byteLength).toBeGreaterThan(0);
    await expect(forwardToFsArtifact("package.json", "hdfs:///x")).rejects.toMatchObject({
      errorClass: "NO_SCHEMA_AND_DRIVER_DEFAULT_SCHEME",
    });
    await expect(forwardToFsArtifact("package.json", "relative/x")).rejects.toBeInstanceOf(ClientArgumentError);
    await expect(forwardToFsArtifact("no-such-file", "/x")).rejects.toBeInstanceOf(ClientArgumentError);
  });
});
