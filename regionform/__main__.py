from regionform.cli import main

main()
