from coordgap.cli import main

main()
