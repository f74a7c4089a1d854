from coordgap.launch import main

main()
