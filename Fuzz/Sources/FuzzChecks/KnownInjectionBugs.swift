import LosslessYAML
import OSMInjector

/// Inputs that hit an injection bug already reported (each with a disabled regression test); the inject fuzzer
/// leaves them aside so that it keeps looking for new ones. Remove an entry when its bug is fixed. None is open.
enum KnownInjectionBugs {}
