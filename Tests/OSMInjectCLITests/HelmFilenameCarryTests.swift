import Testing

/// Helm 4 files post-rendered documents back by `postrenderer.helm.sh/postrender-filename`: the bootstrap
/// Secret takes its workload's, so it lands in the same file.
@Suite struct HelmFilenameCarryTests {
    @Test func secretCarriesItsWorkloadsPostrenderFilename() throws {
        let input = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {openservicemesh.io/monitored-by: osm}
              annotations: {openservicemesh.io/sidecar-injection: enabled}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              annotations:
                postrenderer.helm.sh/postrender-filename: chart/templates/web.yaml
            spec:
              template:
                spec:
                  containers:
                  - name: web
                    image: nginx

            """
        let result = try runTool([], stdin: Array(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let secret = try #require(result.stdoutText.components(separatedBy: "kind: Secret").last)
        #expect(secret.contains("postrenderer.helm.sh/postrender-filename: chart/templates/web.yaml"))
    }
}
