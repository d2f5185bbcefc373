# Sourced by .ci/run (and by people whose default java is older than 21):
# points JAVA_HOME at a JDK 21 or newer, or fails saying what to install.
java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

pick_jdk() {
    local candidate major best="" best_major=0
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        major=$(java_major "$JAVA_HOME/bin/java")
        if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
    fi
    if command -v java >/dev/null 2>&1; then
        major=$(java_major java)
        if [ "${major:-0}" -ge 21 ]; then
            dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return 0
        fi
    fi
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
        [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate/bin/java")
        if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
    done
    [ -n "$best" ] && echo "$best"
}

CRM_JDK=$(pick_jdk || true)
if [ -z "$CRM_JDK" ]; then
    echo "ERROR: no JDK 21 or newer found (Neo4j 2026 needs one). Install one, e.g. a Temurin 21/25 JDK, and set JAVA_HOME." >&2
    return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$CRM_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
