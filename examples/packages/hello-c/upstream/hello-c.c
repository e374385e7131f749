#include <stdio.h>

/* The compiled example package: proves the trunk builds architecture-specific RPMs too. */
int main(int argc, char **argv)
{
    printf("Hello from compiled C%s%s\n", argc > 1 ? ", " : "", argc > 1 ? argv[1] : "");
    return 0;
}
