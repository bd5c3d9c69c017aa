from regionform.main import main

main()
